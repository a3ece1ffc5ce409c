import { describe, expect, it } from 'vitest';
import { figureLinks } from './figure-links.ts';

describe('the lists behind the dashboard’s figures', () => {
  it('carry the sector and commune to the lists that filter by them', () => {
    const links = figureLinks({ sector: 'agriculture', commune: '75W001' });
    expect(links.organisations).toBe('/organisations?sector=agriculture&communeCode=75W001');
    expect(links.products).toBe('/products?sector=agriculture');
    expect(links.consumerReports).toBe('/cases?source=consumer_report&sector=agriculture&communeCode=75W001');
    expect(links.violations).toBe('/cases?source=inspection&sector=agriculture&communeCode=75W001');
    expect(links.stamps).toBe('/stamps?tab=ranges');
  });

  it('open the whole list when nothing is filtered, and a sector officer’s list in their sector', () => {
    const none = figureLinks({ sector: null, commune: null });
    expect(none.organisations).toBe('/organisations');
    expect(none.consumerReports).toBe('/cases?source=consumer_report');
    const officer = figureLinks({ sector: null, commune: null }, 'health');
    expect(officer.products).toBe('/products?sector=health');
    expect(officer.organisations).toBe('/organisations?sector=health');
  });
});
