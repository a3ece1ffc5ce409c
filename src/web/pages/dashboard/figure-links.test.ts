import { describe, expect, it } from 'vitest';
import { figureLinks } from './figure-links.ts';

const period = { from: '2026-01', to: '2026-06' };

describe('the lists behind the dashboard’s figures', () => {
  it('carry the sector and commune to the lists that filter by them', () => {
    const links = figureLinks({ sector: 'agriculture', commune: '75W001', period });
    expect(links.organisations).toBe('/organisations?sector=agriculture&communeCode=75W001');
    expect(links.products).toBe('/products?sector=agriculture');
    expect(links.consumerReports).toBe('/cases?source=consumer_report&sector=agriculture&communeCode=75W001');
    expect(links.inspections).toBe(
      '/inspections?sector=agriculture&communeCode=75W001&from=2026-01-01&to=2026-06-30',
    );
    expect(links.violations).toBe('/cases?source=inspection&sector=agriculture&communeCode=75W001');
    expect(links.stamps).toBe('/stamps?tab=ranges');
  });

  it('open the whole list when nothing is filtered, and a sector officer’s list in their sector', () => {
    const none = figureLinks({ sector: null, commune: null, period });
    expect(none.organisations).toBe('/organisations');
    expect(none.consumerReports).toBe('/cases?source=consumer_report');
    const officer = figureLinks({ sector: null, commune: null, period }, 'health');
    expect(officer.products).toBe('/products?sector=health');
    expect(officer.organisations).toBe('/organisations?sector=health');
  });
});
