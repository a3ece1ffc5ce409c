import type { Gs1Options } from './options.ts';

/**
 * The GS1 Syntax Engine's defaults, which its vectors assume: stricter than ours on Digital Links
 * (no zero-suppressed GTINs, no convenience alphas, no trailing slash, no compressed URIs).
 */
const ENGINE_DEFAULTS: Gs1Options = {
  permitZeroSuppressedGtin: false,
  permitConvenienceAlphas: false,
  permitTrailingSlash: false,
  permitCompressedUri: false,
};

/** Engine option names as the vectors record them → our options. */
export function engineOptions(options: Record<string, string> = {}): Gs1Options {
  const out: Gs1Options = { ...ENGINE_DEFAULTS };
  for (const [name, value] of Object.entries(options)) {
    const on = value === 'true';
    switch (name) {
      case 'PermitUnknownAIs':
        out.permitUnknownAis = on;
        break;
      case 'PermitZeroSuppressedGTINinDLuris':
        out.permitZeroSuppressedGtin = on;
        break;
      case 'permitConvenienceAlphas':
        out.permitConvenienceAlphas = on;
        break;
      case 'ValidationEnabled(gs1_encoder_vUNKNOWN_AI_NOT_DL_ATTR)':
        out.permitUnknownAiAsDlAttribute = !on;
        break;
      case 'AddCheckDigit':
        break;
      default:
        throw new Error(`engine option ${name} has no equivalent`);
    }
  }
  return out;
}

export const pairs = (ais: { ai: string; value: string }[]) => ais.map(({ ai, value }) => [ai, value]);
