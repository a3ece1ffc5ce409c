/**
 * The resolver keeps published master data a few seconds in memory. An approval withdrawal or its lifting must
 * show at the very next scan, so the program hands the resolver's cache reset to `connectPublicCache`, and the
 * act calls it once its transaction has committed (inspections do not import the resolver, a face above them).
 */
let forget: () => void = () => {};

export function connectPublicCache(clear: () => void): void {
  forget = clear;
}

export const forgetPublicData = () => forget();
