import { type Config, openDatabase, Problem } from '../platform/index.ts';
import { nodeInput } from './hub.api.ts';
import { registerNode } from './nodes.service.ts';

const usage = 'Usage: txng hub add-node <province code> <resolver base URL> <name…>\n';

/**
 * `txng hub add-node 75 https://txng.dongnai.gov.vn "Đồng Nai"`: registers a province node on this hub and prints
 * its key once. Runs against the configured database (stop the server first when that is the embedded one).
 */
export async function runHubCommand(args: string[], config: Config, out: NodeJS.WritableStream) {
  const [command, provinceCode, baseUrl, ...nameParts] = args;
  if (command !== 'add-node' || !provinceCode || !baseUrl || !nameParts.length) {
    out.write(usage);
    return 2;
  }
  const parsed = nodeInput.safeParse({ provinceCode, baseUrl, name: nameParts.join(' ') });
  if (!parsed.success) {
    out.write(
      `Not registered: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`,
    );
    return 2;
  }
  const database = await openDatabase(config);
  try {
    const node = await registerNode(database.db, parsed.data, null);
    out.write(`Registered ${node.name} (${node.provinceCode}) → ${node.baseUrl}\n`);
    out.write(`Key (shown once; set it as TXNG_HUB_KEY in the province): ${node.key}\n`);
    return 0;
  } catch (err) {
    if (err instanceof Problem) {
      out.write(`Not registered: ${err.code} ${err.errors.map((e) => `${e.field} ${e.code}`).join(', ')}\n`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}
