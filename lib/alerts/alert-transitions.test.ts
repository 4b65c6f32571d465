import { describe, expect, it } from 'vitest';
import { ALERT_STATUSES } from './schemas';
import { NEXT_STATUSES, transitionProblem } from './alert-transitions';

describe('the alert workflow', () => {
  it('moves forward only, may skip steps, and never leaves CLOSED', () => {
    const allowed = ALERT_STATUSES.flatMap((from) => ALERT_STATUSES.filter((to) => transitionProblem(from, to, to === 'CLOSED' ? 'NO_ISSUE' : undefined) === null).map((to) => `${from}->${to}`));
    expect(allowed).toEqual(['OPEN->ACKNOWLEDGED', 'OPEN->INVESTIGATING', 'OPEN->CLOSED', 'ACKNOWLEDGED->INVESTIGATING', 'ACKNOWLEDGED->CLOSED', 'INVESTIGATING->CLOSED']);
    expect(NEXT_STATUSES.CLOSED).toEqual([]);
  });

  it('refuses with alert_transition_not_allowed and says what is possible', () => {
    expect(transitionProblem('INVESTIGATING', 'ACKNOWLEDGED', undefined)).toMatchObject({ code: 'alert_transition_not_allowed', status: 409, extra: { allowed: ['CLOSED'] } });
    expect(transitionProblem('CLOSED', 'INVESTIGATING', undefined)?.detail).toMatch(/closed/);
    expect(transitionProblem('OPEN', 'OPEN', undefined)).toMatchObject({ code: 'alert_transition_not_allowed' });
  });

  it('wants a resolution when closing, and only then', () => {
    expect(transitionProblem('OPEN', 'CLOSED', undefined)).toMatchObject({ code: 'alert_resolution_required', status: 422 });
    expect(transitionProblem('OPEN', 'ACKNOWLEDGED', 'NO_ISSUE')).toMatchObject({ code: 'alert_resolution_required' });
    expect(transitionProblem('ACKNOWLEDGED', 'CLOSED', 'CONFIRMED_FALSIFICATION')).toBeNull();
  });
});
