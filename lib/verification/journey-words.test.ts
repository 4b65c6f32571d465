import { describe, expect, it } from 'vitest';
import { countryName, formatEventTime, stepTitle } from './journey-words';

describe('the words of the public journey', () => {
  it('names the manufacturer, and traders only by role and country', () => {
    expect(stepTitle({ step: 'commission', actor: { role: 'manufacturer', country: 'DE', name: 'Nordwind Pharma GmbH' } })).toBe('Made and given its serial number by Nordwind Pharma GmbH (the manufacturer) in Germany');
    expect(stepTitle({ step: 'ship', actor: { role: 'distributor', country: 'FR' } })).toBe('Shipped by a wholesaler in France');
    expect(stepTitle({ step: 'dispense', actor: { role: 'pharmacy', country: 'PT' } })).toBe('Dispensed to a patient by a pharmacy in Portugal');
    expect(stepTitle({ step: 'something-new', actor: { role: 'auditor', country: 'XX' } })).toBe('Recorded by an organisation (auditor) in XX');
  });

  it('shows the local time the event happened, with its offset', () => {
    expect(formatEventTime('2025-03-04T09:00:00.000Z', '+01:00')).toBe('4 March 2025, 10:00 (UTC+01:00)');
    expect(formatEventTime('2025-03-04T23:30:00.000Z', '+01:00')).toBe('5 March 2025, 00:30 (UTC+01:00)');
    expect(formatEventTime('2025-03-04T01:00:00.000Z', '-05:00')).toBe('3 March 2025, 20:00 (UTC-05:00)');
    expect(formatEventTime('2025-03-04T01:00:00.000Z', 'nonsense')).toBe('4 March 2025, 01:00 (UTC+00:00)');
  });

  it('falls back to the code for a country it does not know', () => {
    expect(countryName('BE')).toBe('Belgium');
    expect(countryName('??')).toBe('??');
  });
});
