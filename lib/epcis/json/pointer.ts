/** A JSON Pointer (RFC 6901) for a path: ['epcList', 1] -> "/epcList/1". The empty path is "". */
export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((part) => '/' + String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** A field name as a person reads it: ['sensorElementList', 0, 'sensorReport', 2, 'type'] -> "sensorElementList[0].sensorReport[2].type". */
export function labelOf(path: readonly (string | number)[]): string {
  let label = '';
  for (const part of path) label += typeof part === 'number' ? `[${part}]` : label === '' ? part : `.${part}`;
  return label;
}
