import { createHash } from 'node:crypto';
import type { TEventInput } from '@/lib/epcis';
import { canonicalJson } from '@/lib/verify';
import { applied, refuse, type TEventContext, type TRuleResult } from '../rule-types';

/**
 * An EPCIS error declaration repeats the erroneous event, so it has that
 * event's hash ID (CBV intends this, docs/decisions/041). It is stored as an
 * event of its own under a derived ID,
 *   <hash ID of the declared event>&declaration=<hex SHA-256 of JCS(errorDeclaration)>
 * (the same declaration sent twice is one event). It changes no custody:
 * what the declared event did stays done, and the corrective events arrive
 * as new events of their own; the declaration raises an alert for the
 * parties of the declared event and the regulator (docs/decisions/051).
 */
export function declarationEventId(input: TEventInput): string {
  const declaration = canonicalJson(input.errorDeclaration);
  return `${input.hashId}&declaration=${createHash('sha256').update(declaration, 'utf8').digest('hex')}`;
}

export function declarationRule(ctx: TEventContext): TRuleResult {
  const { input } = ctx.event;
  const declared = ctx.world.storedEvents.get(input.hashId);
  if (!declared) {
    return refuse([{ index: ctx.index, code: 'declared_event_unknown', detail: `Event ${ctx.index}: the error declaration names event ${input.hashId}, which was never recorded.` }]);
  }
  if (declared.orgId !== ctx.world.recorder.id) {
    return refuse([{ index: ctx.index, code: 'not_event_recorder', detail: `Event ${ctx.index}: only the organisation that recorded ${input.hashId} may declare it erroneous.` }]);
  }
  const reason = input.errorDeclaration?.reason ?? 'no reason given';
  return {
    ok: true,
    apply: () =>
      applied({
        parties: declared.partyIds,
        alerts: [
          {
            code: 'error_declared',
            severity: 'MEDIUM',
            subject: input.hashId,
            message: `Event ${input.hashId} (recorded ${declared.recordTime}) was declared erroneous (${reason}); its custody changes stand until corrective events are recorded.`,
            visibleTo: [...new Set([ctx.world.recorder.id, ...declared.partyIds])],
          },
        ],
      }),
  };
}
