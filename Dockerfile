# Norishiro for municipalities that deploy with containers: the service only. Meilisearch and
# PostgreSQL run as their official images (compose.yaml); MEILI_URL and DATABASE_URL point at them.
FROM node:20.20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production CI=true
COPY . .
RUN npx -y pnpm@10.34.9 install --frozen-lockfile \
 && npx -y pnpm@10.34.9 --filter @norishiro/web build
ENV PORT=3000 HOST=0.0.0.0 DATA_DIR=/data
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["npx", "-y", "pnpm@10.34.9", "--filter", "@norishiro/api", "start"]
