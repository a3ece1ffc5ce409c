import { createTestApp } from './src/test/app.ts';
const t = await createTestApp();
const res = await t.app.inject({ method: 'POST', url: '/api/organisations', headers: t.as({ role: 'dost_admin' }), payload: { name: 'x', type: 'zzz' } });
console.log(res.statusCode, res.body);
await t.close();
