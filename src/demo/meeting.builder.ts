/**
 * The Makhmour meeting, the five agreement points and their action items, written by the liaison
 * officers who track them and released to the other side.
 */
import type { Party } from '../core/model/common.ts';
import type { DemoContext } from './demo-context.ts';
import { jccOf, publish } from './demo-context.ts';
import { AGREEMENT_POINTS, MAKHMOUR_MEETING, RUDAW_SOURCE } from './meeting.data.ts';
import { round5 } from './strip-geometry.util.ts';

const SHARED = { scope: 'bilateral', tlp: 'green' } as const;

export async function buildMeeting(ctx: DemoContext): Promise<void> {
  const fedLiaison = ctx.as('federal', 'liaison');
  const place = await ctx.geo.place(MAKHMOUR_MEETING.place);
  // The Joint Operations Command announced the meeting, so its record is the federal side's.
  const meeting = await publish(ctx, fedLiaison, fedLiaison, 'meeting', {
    title: MAKHMOUR_MEETING.title,
    startsAt: MAKHMOUR_MEETING.startsAt,
    endsAt: MAKHMOUR_MEETING.endsAt,
    placeName: place.label,
    location: { type: 'Point', coordinates: round5([place.lon, place.lat]) },
    jccId: jccOf(ctx, 'MAK').id,
    attendees: MAKHMOUR_MEETING.attendees,
    summary: MAKHMOUR_MEETING.summary,
    status: 'held',
  }, SHARED, 'green');

  // The points come from the Peshmerga ministry's account (Rudaw), so the Peshmerga liaison keeps them.
  const pesLiaison = ctx.as('peshmerga', 'liaison');
  for (const [i, point] of AGREEMENT_POINTS.entries()) {
    const rec = await publish(ctx, pesLiaison, pesLiaison, 'agreement-point', {
      title: point.ar,
      text: point.ar,
      meetingIds: [meeting.id],
      status: point.status,
      note: `Point ${i + 1} of 5. English: ${point.en} Source: ${RUDAW_SOURCE}`,
    }, SHARED, 'green');
    for (const action of point.actions) {
      const owner: Party = action.owner === 'federal' ? 'federal' : 'peshmerga';
      const liaison = ctx.as(owner, 'liaison');
      await publish(ctx, liaison, liaison, 'action-item', {
        title: action.title,
        agreementPointId: rec.id,
        meetingId: meeting.id,
        ownerForce: action.owner,
        ownerOffice: action.office,
        dueDate: action.dueDate,
        status: action.status,
        note: action.owner === 'joint' ? 'Owned jointly; tracked by the Peshmerga liaison office.' : '',
      }, SHARED, 'green');
    }
  }
}
