import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  BatchGetCommand,
  UpdateCommand,
  DeleteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { CursorCodec } from './cursor';
import { tableDefinition, type IndexName } from './table';
import type { ItemKey } from './keys';
import { translateDynamoError } from './translate-error';

export type Item = Record<string, unknown>;
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface Condition {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

export interface QueryInput {
  /** Index to query; omit for the table's primary key. */
  index?: IndexName;
  partitionKey: string;
  /** Restrict the sort key to those starting with this prefix. */
  sortKeyPrefix?: string;
  /** Or to those after this one (exclusive): the rest of a partition whose first item is known already. */
  sortKeyAfter?: string;
  /** Or to a range, both ends included (BETWEEN): a time window of a time-ordered partition. */
  sortKeyBetween?: { from: string; to: string };
  limit: number;
  cursor?: string;
  /** Newest first when sort keys are time-ordered. */
  descending?: boolean;
  /**
   * A FilterExpression over non-key attributes (still a Query: DynamoDB reads `limit` items of the
   * key range and returns those that pass, so a page may hold fewer; the cursor stays exact).
   */
  filter?: Condition;
  /** Strongly consistent (table only, not indexes): reads that decide a write. */
  consistent?: boolean;
  /**
   * Only these top-level attributes of each item, and its `pk` and `sk` (a ProjectionExpression). For
   * reads that need a part of large items: less to transfer, unmarshal and parse. DynamoDB still counts
   * the whole item's size in read capacity.
   */
  attributes?: readonly string[];
}

/**
 * Builders of transaction items, for the stores: the table name is filled in by `transact`, and the
 * expression's names and values stay beside the expression that uses them.
 */
export const tx = {
  put: (item: Item & ItemKey, condition?: Condition): TransactItem => ({
    Put: {
      TableName: '',
      Item: item,
      ConditionExpression: condition?.expression,
      ExpressionAttributeNames: condition?.names,
      ExpressionAttributeValues: condition?.values,
    },
  }),
  update: (
    key: ItemKey,
    update: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> },
    condition?: Condition,
  ): TransactItem => ({
    Update: {
      TableName: '',
      Key: key,
      UpdateExpression: update.expression,
      ConditionExpression: condition?.expression,
      ExpressionAttributeNames: merge(update.names, condition?.names),
      ExpressionAttributeValues: merge(update.values, condition?.values),
    },
  }),
  delete: (key: ItemKey, condition?: Condition): TransactItem => ({
    Delete: {
      TableName: '',
      Key: key,
      ConditionExpression: condition?.expression,
      ExpressionAttributeNames: condition?.names,
      ExpressionAttributeValues: condition?.values,
    },
  }),
  check: (key: ItemKey, condition: Condition): TransactItem => ({
    ConditionCheck: {
      TableName: '',
      Key: key,
      ConditionExpression: condition.expression,
      ExpressionAttributeNames: condition.names,
      ExpressionAttributeValues: condition.values,
    },
  }),
};

/** One key as a string, for maps of items by key. */
export const itemKeyId = (key: { pk?: unknown; sk?: unknown }): string => `${String(key.pk)}\u0000${String(key.sk)}`;

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

/**
 * The DynamoDB Document client wrapper: the only code that talks to the table. It offers the
 * request-path operations allowed by DESIGN.md (Get, BatchGet, Query, conditional writes,
 * transactions) — deliberately no Scan — and translates SDK errors into domain errors.
 */
export class Store {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    readonly tableName: string,
    client: DynamoDBClient,
    private readonly cursors: CursorCodec,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
  }

  async get<T extends Item = Item>(
    key: ItemKey,
    /** `attributes`: only these and the keys, as in {@link QueryInput}. */
    options: { consistent?: boolean; attributes?: readonly string[] } = {},
  ): Promise<T | null> {
    const projection = projectionOf(options.attributes);
    const out = await this.run(() =>
      this.doc.send(
        new GetCommand({
          TableName: this.tableName,
          Key: key,
          ConsistentRead: options.consistent ?? false,
          ProjectionExpression: projection?.expression,
          ExpressionAttributeNames: projection?.names,
        }),
      ),
    );
    return (out.Item as T | undefined) ?? null;
  }

  /**
   * Items for the given keys (missing ones are left out; duplicates are asked for once). Strongly
   * consistent on request, like `get`: reads that decide a write or a permission.
   */
  async batchGet<T extends Item = Item>(itemKeys: ItemKey[], options: { consistent?: boolean } = {}): Promise<T[]> {
    const unique = [...new Map(itemKeys.map((k) => [itemKeyId(k), { pk: k.pk, sk: k.sk }])).values()];
    const found: T[] = [];
    for (let i = 0; i < unique.length; i += 100) {
      let pending: Record<string, unknown>[] | undefined = unique.slice(i, i + 100);
      for (let attempt = 0; pending && pending.length > 0; attempt++) {
        if (attempt > 5)
          throw translateDynamoError(Object.assign(new Error('Unprocessed keys'), { name: 'ThrottlingException' }));
        // Unprocessed keys mean the table is busy: back off (exponential, with jitter) before asking again.
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * 50 * 2 ** attempt));
        const keysNow: Record<string, unknown>[] = pending;
        const out = await this.run(() =>
          this.doc.send(
            new BatchGetCommand({
              RequestItems: { [this.tableName]: { Keys: keysNow, ConsistentRead: options.consistent ?? false } },
            }),
          ),
        );
        found.push(...((out.Responses?.[this.tableName] ?? []) as T[]));
        pending = out.UnprocessedKeys?.[this.tableName]?.Keys;
      }
    }
    return found;
  }

  async put(item: Item & ItemKey, condition?: Condition): Promise<void> {
    await this.run(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: condition?.expression,
          ExpressionAttributeNames: condition?.names,
          ExpressionAttributeValues: condition?.values,
        }),
      ),
    );
  }

  async update<T extends Item = Item>(
    key: ItemKey,
    update: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> },
    condition?: Condition,
    options: { returnValues?: 'ALL_NEW' | 'ALL_OLD' | 'NONE' } = {},
  ): Promise<T> {
    const expression = condition?.expression;
    const out = await this.run(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: update.expression,
          ConditionExpression: expression,
          ExpressionAttributeNames: merge(update.names, condition?.names),
          ExpressionAttributeValues: merge(update.values, condition?.values),
          ReturnValues: options.returnValues ?? 'ALL_NEW',
        }),
      ),
    );
    // ALL_OLD of an item that did not exist is no attributes at all.
    return (out.Attributes ?? {}) as T;
  }

  async delete(key: ItemKey, condition?: Condition): Promise<void> {
    await this.run(() =>
      this.doc.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: key,
          ConditionExpression: condition?.expression,
          ExpressionAttributeNames: condition?.names,
          ExpressionAttributeValues: condition?.values,
        }),
      ),
    );
  }

  /** All-or-nothing write of up to 100 items; the place for uniqueness markers and state guards. */
  async transact(items: TransactItem[], idempotencyToken?: string): Promise<void> {
    const withTable = items.map((t) => withTableName(t, this.tableName));
    await this.run(() =>
      this.doc.send(new TransactWriteCommand({ TransactItems: withTable, ClientRequestToken: idempotencyToken })),
    );
  }

  async query<T extends Item = Item>(input: QueryInput): Promise<Page<T>> {
    // Structured, so no partition key or prefix can be made to look like another query's scope.
    const scope = JSON.stringify([
      input.index ?? 'table',
      input.partitionKey,
      input.sortKeyPrefix ?? null,
      ...(input.sortKeyAfter === undefined ? [] : [{ after: input.sortKeyAfter }]),
      ...(input.sortKeyBetween === undefined ? [] : [{ between: input.sortKeyBetween }]),
    ]);
    const start = input.cursor ? await this.cursors.decode(scope, input.cursor) : undefined;
    const key = keyCondition(input);
    const projection = projectionOf(input.attributes);
    const out = await this.run(() =>
      this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: input.index,
          KeyConditionExpression: key.expression,
          FilterExpression: input.filter?.expression,
          ProjectionExpression: projection?.expression,
          ExpressionAttributeNames: merge(merge(key.names, input.filter?.names), projection?.names),
          ExpressionAttributeValues: merge<unknown>(key.values, input.filter?.values),
          Limit: input.limit,
          ConsistentRead: input.consistent,
          ExclusiveStartKey: start,
          ScanIndexForward: !input.descending,
        }),
      ),
    );
    const last = out.LastEvaluatedKey as Record<string, string | number> | undefined;
    return { items: (out.Items ?? []) as T[], cursor: last ? await this.cursors.encode(scope, last) : null };
  }

  /**
   * Every item of a key range, page by page (an application's few items, an edition's applications
   * for an export). Callers bound the range by design; `maxItems` guards against a surprise.
   */
  async queryAll<T extends Item = Item>(input: Omit<QueryInput, 'limit' | 'cursor'>, maxItems = 50_000): Promise<T[]> {
    const all: T[] = [];
    let cursor: string | undefined;
    do {
      const page: Page<T> = await this.query<T>({ ...input, limit: 1000, cursor });
      all.push(...page.items);
      if (all.length > maxItems) throw new Error(`queryAll over ${maxItems} items in ${input.partitionKey}`);
      cursor = page.cursor ?? undefined;
    } while (cursor);
    return all;
  }

  /** How many items a key range holds (Select COUNT: no item is returned). */
  async count(input: Pick<QueryInput, 'index' | 'partitionKey' | 'sortKeyPrefix'>): Promise<number> {
    const key = keyCondition(input);
    let total = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.run(() =>
        this.doc.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: input.index,
            Select: 'COUNT',
            KeyConditionExpression: key.expression,
            ExpressionAttributeNames: key.names,
            ExpressionAttributeValues: key.values,
            ExclusiveStartKey: start,
          }),
        ),
      );
      total += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return total;
  }

  private async run<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (error) {
      throw translateDynamoError(error);
    }
  }
}

/** The partition key, and the sort key's prefix, lower bound or range when one is given, as a KeyConditionExpression. */
function keyCondition(
  input: Pick<QueryInput, 'index' | 'partitionKey' | 'sortKeyPrefix' | 'sortKeyAfter' | 'sortKeyBetween'>,
): {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
} {
  const { pkName, skName } = keyNames(input.index);
  const prefix = input.sortKeyPrefix;
  if ([prefix || undefined, input.sortKeyAfter, input.sortKeyBetween].filter((x) => x !== undefined).length > 1)
    throw new Error('A query takes one sort key condition: a prefix, a lower bound or a range');
  if (input.sortKeyBetween !== undefined)
    return {
      expression: '#pk = :pk AND #sk BETWEEN :from AND :to',
      names: { '#pk': pkName, '#sk': skName },
      values: { ':pk': input.partitionKey, ':from': input.sortKeyBetween.from, ':to': input.sortKeyBetween.to },
    };
  if (input.sortKeyAfter !== undefined)
    return {
      expression: '#pk = :pk AND #sk > :sk',
      names: { '#pk': pkName, '#sk': skName },
      values: { ':pk': input.partitionKey, ':sk': input.sortKeyAfter },
    };
  return prefix
    ? {
        expression: '#pk = :pk AND begins_with(#sk, :sk)',
        names: { '#pk': pkName, '#sk': skName },
        values: { ':pk': input.partitionKey, ':sk': prefix },
      }
    : { expression: '#pk = :pk', names: { '#pk': pkName }, values: { ':pk': input.partitionKey } };
}

function keyNames(index: IndexName | undefined): { pkName: string; skName: string } {
  if (!index) return { pkName: tableDefinition.partitionKey.name, skName: tableDefinition.sortKey.name };
  const gsi = tableDefinition.globalIndexes.find((i) => i.name === index);
  if (!gsi) throw new Error(`Unknown index ${index}`);
  return { pkName: gsi.partitionKey.name, skName: gsi.sortKey.name };
}

/**
 * A ProjectionExpression of top-level attributes and the table keys (so an item that fails its schema is
 * still named in the error), every name through a placeholder: `name`, `state`, `year` are reserved words.
 */
function projectionOf(
  attributes?: readonly string[],
): { expression: string; names: Record<string, string> } | undefined {
  if (!attributes || attributes.length === 0) return undefined;
  const all = [...new Set(['pk', 'sk', ...attributes])];
  const names = Object.fromEntries(all.map((name, i) => [`#proj${i}`, name]));
  return { expression: Object.keys(names).join(', '), names };
}

function merge<T>(a?: Record<string, T>, b?: Record<string, T>): Record<string, T> | undefined {
  return a || b ? { ...a, ...b } : undefined;
}

function withTableName(item: TransactItem, tableName: string): TransactItem {
  if (item.Put) return { Put: { ...item.Put, TableName: tableName } };
  if (item.Update) return { Update: { ...item.Update, TableName: tableName } };
  if (item.Delete) return { Delete: { ...item.Delete, TableName: tableName } };
  if (item.ConditionCheck) return { ConditionCheck: { ...item.ConditionCheck, TableName: tableName } };
  return item;
}

/**
 * The table as one request sees it when some items were read already, strongly consistent, in an
 * earlier call (the route's ownership item rides in the session's BatchGet): `get` of one of those
 * keys answers from them (`null`: read and not there); every other call goes to the table.
 */
export function withItemsRead(store: Store, read: ReadonlyMap<string, Item | null>): Store {
  const view: Store = Object.create(store);
  // An item read whole answers a projected `get` too: its schema keeps the attributes it names.
  view.get = async <T extends Item = Item>(key: ItemKey, options?: Parameters<Store['get']>[1]) => {
    const id = itemKeyId(key);
    return read.has(id) ? ((read.get(id) ?? null) as T | null) : store.get<T>(key, options);
  };
  return view;
}
