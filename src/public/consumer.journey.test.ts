import { describe, expect, it } from 'vitest';
import { stepName } from './consumer.journey.ts';

describe('the name of a journey step', () => {
  const event = (
    bizStep: string | null,
    eventType = 'ObjectEvent',
    ilmd: Record<string, unknown> | null = null,
  ) => ({
    bizStep,
    eventType,
    ilmd,
  });

  it('reads CBV bizSteps in short and URI form', () => {
    expect(stepName(event('shipping'))).toBe('shipping');
    expect(stepName(event('https://ref.gs1.org/cbv/BizStep-receiving'))).toBe('receiving');
    expect(stepName(event('urn:epcglobal:cbv:bizstep:retail_selling'))).toBe('retail_selling');
  });

  it('calls a commissioning with harvest dates a harvest, and a plain one a labelling', () => {
    expect(stepName(event('commissioning', 'ObjectEvent', { 'cbvmda:harvestStartDate': '2026-06-10' }))).toBe(
      'harvesting',
    );
    expect(stepName(event('commissioning', 'ObjectEvent', { 'cbvmda:lotNumber': 'L1' }))).toBe(
      'commissioning',
    );
  });

  it('calls a transformation processing, unless it packs', () => {
    expect(stepName(event('commissioning', 'TransformationEvent'))).toBe('transforming');
    expect(stepName(event('packing', 'TransformationEvent'))).toBe('packing');
  });

  it('falls back to a neutral word for steps a consumer would not know', () => {
    expect(stepName(event('https://example.org/steps/fumigating'))).toBe('event');
    expect(stepName(event(null))).toBe('event');
  });
});
