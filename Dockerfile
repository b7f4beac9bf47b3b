# PaperGraph app image: talks to Neo4j through NEO4J_URI (see docker-compose.yml); no JVM inside.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
USER node
CMD ["npm", "start"]
