import { describe, expect, it } from 'vitest';
import { GET } from './route';

describe('GET /api/health', () => {
  it('reports the version, a reachable database and the applied migrations', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.database.reachable).toBe(true);
    expect(body.database.migrationsApplied).toBeGreaterThanOrEqual(2);
  });

  it('answers 503 when the database cannot be reached', async () => {
    const { disconnectDb } = await import('@/lib/db');
    const saved = process.env.DATABASE_URL!;
    await disconnectDb();
    const unreachable = new URL(saved);
    unreachable.port = '9'; // discard port: nothing listens
    process.env.DATABASE_URL = unreachable.toString();
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect((await response.json()).database.reachable).toBe(false);
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = saved;
    }
  });
});
