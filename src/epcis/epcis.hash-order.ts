/** The canonical order of an event's data elements for the CBV 2.0 event hash, and how JSON list items are named. */
export type Order = [name: string, sub?: Order][];

const quantityElement: Order = [['quantityElement', [['epcClass'], ['quantity'], ['uom']]]];
const epcs: Order = [['epc']];
/** The canonical order of the standard data elements (CBV 2.0 §8.9.2). */
export const eventOrder: Order = [
  ['eventTime'],
  ['eventTimeZoneOffset'],
  ['certificationInfo'],
  ['parentID'],
  ['epcList', epcs],
  ['inputEPCList', epcs],
  ['childEPCs', epcs],
  ['quantityList', quantityElement],
  ['childQuantityList', quantityElement],
  ['inputQuantityList', quantityElement],
  ['outputEPCList', epcs],
  ['outputQuantityList', quantityElement],
  ['action'],
  ['transformationID'],
  ['bizStep'],
  ['disposition'],
  ['persistentDisposition', [['set'], ['unset']]],
  ['readPoint', [['id']]],
  ['bizLocation', [['id']]],
  [
    'sensorElementList',
    [
      [
        'sensorElement',
        [
          [
            'sensorMetadata',
            [
              'time',
              'startTime',
              'endTime',
              'deviceID',
              'deviceMetadata',
              'rawData',
              'dataProcessingMethod',
              'bizRules',
            ].map((n): [string] => [n]),
          ],
          [
            'sensorReport',
            [
              'type',
              'exception',
              'deviceID',
              'deviceMetadata',
              'rawData',
              'dataProcessingMethod',
              'time',
              'microorganism',
              'chemicalSubstance',
              'value',
              'component',
              'stringValue',
              'booleanValue',
              'hexBinaryValue',
              'uriValue',
              'minValue',
              'maxValue',
              'meanValue',
              'sDev',
              'percRank',
              'percValue',
              'uom',
              'coordinateReferenceSystem',
            ].map((n): [string] => [n]),
          ],
        ],
      ],
    ],
  ],
];

/** Lists whose JSON items are unnamed; the hash names each item (XML's element name). */
export const itemNames: Record<string, string> = {
  epcList: 'epc',
  inputEPCList: 'epc',
  outputEPCList: 'epc',
  childEPCs: 'epc',
  quantityList: 'quantityElement',
  childQuantityList: 'quantityElement',
  inputQuantityList: 'quantityElement',
  outputQuantityList: 'quantityElement',
  sensorElementList: 'sensorElement',
  bizTransactionList: 'bizTransaction',
  sourceList: 'source',
  destinationList: 'destination',
};
