import path from "node:path";
import { fileURLToPath } from "node:url";

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const root = path.resolve(web, "..", "..");
const work = path.join(root, ".data", "e2e");

/** Where the run keeps its files: everything under .data/e2e is made anew by each run and never committed. */
export const paths = {
  root,
  web,
  dist: path.join(web, "dist"),
  api: path.join(root, "src", "Api", "bin", "Release", "net10.0", "SecureMail.Api.dll"),
  work,
  keys: path.join(work, "keys"),
  mail: path.join(work, "mail"),
  sessions: path.join(work, "sessions"),
  apiLog: path.join(work, "api.log"),
  testOutput: path.join(work, "results"),
  screenshots: process.env.E2E_SCREENSHOTS === "docs" ? path.join(root, "docs", "screenshots") : path.join(work, "screenshots"),
};
