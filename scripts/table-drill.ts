/**
 * The restore drill's local half (docs/operations.md, "Restore drill"): export a table to DynamoDB JSON
 * lines, the shape of DynamoDB's own export to S3 (`{"Item":{"pk":{"S":"…"},…}}` per line), and import
 * such a file into a fresh table made from shared/store/table.ts.
 *
 *   node --import tsx scripts/table-drill.ts export --endpoint http://localhost:PORT --table przyjazny-urzad --file drill.jsonl
 *   node --import tsx scripts/table-drill.ts import --endpoint http://localhost:PORT --table restored --file drill.jsonl
 *
 * `--endpoint` is a DynamoDB Local (`npm start` prints its address); without it the AWS credentials
 * and region of the environment are used. This is a maintenance script, so it may Scan (DESIGN.md
 * section 4): it reads the whole table page by page, never on a request path.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import {
  type AttributeValue,
  BatchWriteItemCommand,
  DynamoDBClient,
  ScanCommand,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { localCredentials, localRegion } from '../infra/local/dynamodb-local';
import { ensureTable } from '../infra/local/ensure-table';

/** DynamoDB JSON as exports write it: binary values as base64 text, everything else as the API has it. */
type ExportValue = Record<string, unknown>;

export function toExportValue(value: AttributeValue): ExportValue {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (value.M !== undefined) return { M: toExportItem(value.M) };
  if (value.L !== undefined) return { L: value.L.map(toExportValue) };
  const [type, inner] = Object.entries(value).find(([, v]) => v !== undefined) ?? [];
  if (!type) throw new Error('An attribute value without a type');
  return { [type]: inner };
}

export function fromExportValue(value: ExportValue): AttributeValue {
  const [type, inner] = Object.entries(value)[0] ?? [];
  switch (type) {
    case 'B':
      return { B: Buffer.from(String(inner), 'base64') };
    case 'BS':
      return { BS: (inner as string[]).map((b) => Buffer.from(b, 'base64')) };
    case 'M':
      return { M: fromExportItem(inner as Record<string, ExportValue>) };
    case 'L':
      return { L: (inner as ExportValue[]).map(fromExportValue) };
    case 'S':
      return { S: String(inner) };
    case 'N':
      return { N: String(inner) };
    case 'BOOL':
      return { BOOL: inner === true };
    case 'NULL':
      return { NULL: true };
    case 'SS':
      return { SS: (inner as unknown[]).map(String) };
    case 'NS':
      return { NS: (inner as unknown[]).map(String) };
    default:
      throw new Error(`Unknown DynamoDB JSON type: ${type}`);
  }
}

const toExportItem = (item: Record<string, AttributeValue>) =>
  Object.fromEntries(Object.entries(item).map(([k, v]) => [k, toExportValue(v)]));
const fromExportItem = (item: Record<string, ExportValue>) =>
  Object.fromEntries(Object.entries(item).map(([k, v]) => [k, fromExportValue(v)]));

/** Every item of the table, one `{"Item":…}` line each; answers how many were written. */
export async function exportTable(client: DynamoDBClient, tableName: string, file: string): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let count = 0;
  let start: Record<string, AttributeValue> | undefined;
  try {
    do {
      const page = await client.send(
        new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      for (const item of page.Items ?? []) {
        if (!out.write(`${JSON.stringify({ Item: toExportItem(item) })}\n`)) await once(out, 'drain');
        count++;
      }
      start = page.LastEvaluatedKey;
    } while (start);
  } finally {
    out.end();
    await once(out, 'finish');
  }
  return count;
}

/**
 * Creates the table from the shared definition if it is missing and writes every line of the file
 * into it, 25 items a batch, retrying what DynamoDB leaves unprocessed; answers how many were written.
 */
export async function importTable(client: DynamoDBClient, tableName: string, file: string): Promise<number> {
  await ensureTable(client, tableName);
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let batch: WriteRequest[] = [];
  let count = 0;
  const flush = async () => {
    let pending = batch;
    batch = [];
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error(`DynamoDB left ${pending.length} items unprocessed after ${attempt} tries`);
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
      pending = result.UnprocessedItems?.[tableName] ?? [];
    }
  };
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || !('Item' in parsed))
      throw new Error(`Line ${count + 1} is not a DynamoDB export line ({"Item":…})`);
    batch.push({ PutRequest: { Item: fromExportItem((parsed as { Item: Record<string, ExportValue> }).Item) } });
    count++;
    if (batch.length === 25) await flush();
  }
  await flush();
  return count;
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(args: string[]): Promise<number> {
  const [command] = args;
  const table = option(args, 'table');
  const file = option(args, 'file');
  const endpoint = option(args, 'endpoint');
  if ((command !== 'export' && command !== 'import') || !table || !file) {
    process.stderr.write(
      'usage: table-drill.ts export|import --table NAME --file FILE.jsonl [--endpoint http://localhost:PORT]\n',
    );
    return 2;
  }
  const client = endpoint
    ? new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials })
    : new DynamoDBClient({});
  try {
    const count =
      command === 'export' ? await exportTable(client, table, file) : await importTable(client, table, file);
    process.stdout.write(`${command === 'export' ? 'exported' : 'imported'} ${count} items (${table} ${file})\n`);
    return 0;
  } finally {
    client.destroy();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2)).then((code) => process.exit(code));
