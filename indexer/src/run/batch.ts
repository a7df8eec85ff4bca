import * as v from 'valibot';
import { MunicipalitySchema, ResourceSchema } from '@norishiro/data';

/** An import batch as it travels from the CLI to a running service. */
export const ImportBatchSchema = v.object({
  origin: v.pipe(v.string(), v.minLength(1)),
  municipalities: v.array(MunicipalitySchema),
  resources: v.array(ResourceSchema),
});
