import { eq } from 'drizzle-orm';
import { registerAuditSubject } from '../audit/index.ts';
import { getProductByGtin } from '../registry/index.ts';
import { stampRequests } from './stamps.schema.ts';

// a stamp request is known by how many stamps, for which product: "1000 tem · Sầu riêng Ri6 Xuân Lộc"
registerAuditSubject('stamp_request', async (db, id) => {
  const [row] = await db
    .select({ gtin: stampRequests.gtin, quantity: stampRequests.quantity })
    .from(stampRequests)
    .where(eq(stampRequests.id, id));
  if (!row) return null;
  const product = await getProductByGtin(db, row.gtin);
  return `${row.quantity} × ${product?.name ?? row.gtin}`;
});
