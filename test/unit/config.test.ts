import { describe, expect, it } from 'vitest';
import { MissingConfigError, readConfig } from '../../shared/config';

describe('config', () => {
  it('names the missing variable', () => {
    const config = readConfig({});
    expect(() => config.tableName).toThrow(MissingConfigError);
    expect(() => config.tableName).toThrow('TABLE_NAME');
    expect(() => config.jobsQueueUrl).toThrow('JOBS_QUEUE_URL');
  });

  it('treats a blank value as missing', () => {
    expect(() => readConfig({ TABLE_NAME: '  ' }).tableName).toThrow('TABLE_NAME');
  });

  it('reads values once', () => {
    const env: Record<string, string> = { TABLE_NAME: 'first' };
    const config = readConfig(env);
    expect(config.tableName).toBe('first');
    env.TABLE_NAME = 'second';
    expect(config.tableName).toBe('first');
  });

  it('validates numbers and applies defaults', () => {
    expect(readConfig({}).maxBodyBytes).toBe(1024 * 1024);
    expect(readConfig({ MAX_BODY_BYTES: '2048' }).maxBodyBytes).toBe(2048);
    expect(() => readConfig({ MAX_BODY_BYTES: '-1' }).maxBodyBytes).toThrow('MAX_BODY_BYTES');
  });

  it('reads the optional credential key id, blank as unset', () => {
    expect(readConfig({}).credentialKeyId).toBeUndefined();
    expect(readConfig({ CREDENTIAL_KEY_ID: ' ' }).credentialKeyId).toBeUndefined();
    const arn = 'arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    expect(readConfig({ CREDENTIAL_KEY_ID: arn }).credentialKeyId).toBe(arn);
  });
});
