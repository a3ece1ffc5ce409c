/**
 * The namespace of TXNG's own fields in EPCIS events (`txng:stage`, `txng:diaryEntry`, `txng:growingAreaCode`…).
 * A URN, not the deployment's URL: events keep one meaning whichever province captured them.
 */
export const TXNG_NAMESPACE = 'urn:txng:epcis:';
