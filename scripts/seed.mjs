// `npm run db:seed`: migrate and seed the local D1 without starting the server.
import { prepareLocalDatabase } from './local-db.mjs';

prepareLocalDatabase(process.env.COLLOQUY_PERSIST_DIR);
