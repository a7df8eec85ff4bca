// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionActor } from '@norishiro/data';

declare global {
  namespace App {
    interface Error {
      message: string;
      code?: string;
    }
    interface Locals {
      /** Null for residents; set by hooks.server.ts from the API's session. */
      actor: SessionActor | null;
    }
  }
}

export {};
