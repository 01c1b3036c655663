import { describe, expect, it } from 'vitest';
import { groupOf } from '../../bench/cold-start/group-function';

// The bench's option (d) (BENCH_COLD_START_VARIANT=groups) builds each request's route group as a
// function of its own; it must pick the group the api's dispatcher would hand the request to.
describe('bench group functions: the group of a request path', () => {
  it('finds the group of each representative request, parameters included', () => {
    expect(groupOf('/api/health')).toBe('health');
    expect(groupOf('/api/auth/login')).toBe('auth');
    expect(groupOf('/api/public/results')).toBe('publicResults');
    expect(groupOf('/api/editions')).toBe('editions');
    expect(groupOf('/api/applications/01HAPP/sections/standards')).toBe('applications');
    expect(groupOf('/api/expert/editions/01HED/assignments')).toBe('expert');
  });

  it('does not let a parameter match across a slash, and refuses a path no group has', () => {
    expect(() => groupOf('/api/applications/a/b/sections/c')).toThrow(/no route group/);
    expect(() => groupOf('/api/nowhere')).toThrow(/no route group/);
  });
});
