// Haringey, built only from two board papers:
//   seeds/000: Safer Communities Executive Board (SCEB), 16 March 2009, Priority Actions 2009/10
//   seeds/001: Community Safety Partnership Board, 26 September 2013, Delivery Plan 2013-14 progress
// Its configuration (agencies, people, boards, strategy, indicators, targets) is in
// prisma/profiles/haringey.yaml; this file holds what is not configuration: the
// delivery plans with their actions, and the meetings.
import type { SeedActivity } from "./seed-activity.js";

const S = "sc-2009";
const SEP_26_2013 = "2013-09-26";

export const haringey: SeedActivity = {
  deliveryPlans: [
    {
      key: "dp-2013",
      title: "Delivery Plan 2013 – 2014",
      financialYear: 2013,
      actions: [
        {
          title: "Identification and referral of DV support for the public",
          status: "IN_PROGRESS",
          rag: "RED",
          notes: [
            {
              writtenOn: SEP_26_2013,
              rag: "RED",
              body: "Further work is required in relation to understanding the approach and the target audience for the identification and referral of DV support for the public. This will be taken up by the relevant groups. Progress is being made in relation to professional identification.",
            },
          ],
        },
        {
          title: "LFB LIFE course",
          ownerAgency: "lfb",
          status: "NOT_STARTED",
          rag: "RED",
          notes: [
            {
              writtenOn: SEP_26_2013,
              rag: "RED",
              body: "The LFB LIFE course has not got off the ground due to a combination of lack of funds and lack of referrals from key agencies. The partnership should consider alternative funding opportunities if this course is deemed to be an effective preventative measure.",
            },
          ],
        },
        {
          title: "Establishment of effective consultative groups (Safer Neighbourhood Board)",
          status: "IN_PROGRESS",
          rag: "AMBER",
          // "the locally expected timescale (October)" ... "now with a target of January 2014"
          originalDueOn: "2013-10-31",
          revisedDueOn: "2014-01-31",
          notes: [
            {
              writtenOn: SEP_26_2013,
              rag: "AMBER",
              body: "There has been some delay in the locally expected timescale (October) for the establishment of effective consultative groups – page 1. Setting up a Safer Neighbourhood Board will be a key part of this. However, MOPAC does not expect this to happen in boroughs until 2014. Haringey is actually ahead of the game now with a target of January 2014. HAVCO is due to play a key role.",
            },
          ],
        },
        {
          title: "Integrated Offender Management (IOM) co-location",
          ownerText: "IOM Strategic Lead",
          status: "IN_PROGRESS",
          rag: "AMBER",
          notes: [
            {
              writtenOn: SEP_26_2013,
              rag: "AMBER",
              body: "The Integrated Offender Management (IOM) work is progressing steadily and co-location will begin at the Wood Green facility from October. The full team co-location may take longer than anticipated due to IT issues. An experienced IOM Strategic Lead has recently been recruited and is picking this up.",
            },
          ],
        },
        {
          title: "Integrated Gang Unit recruitment and Gang Exit Project",
          status: "IN_PROGRESS",
          rag: "AMBER",
          notes: [
            {
              writtenOn: SEP_26_2013,
              rag: "AMBER",
              body: "Recruitment to the gang element (Integrated Gang Unit) is underway but could be challenging due to a lack of experienced people being available. The NACRO Gang Exit Project will require re-tendering in Q3 with effect from April 2014 and is subject to payment by results. This area of work is high profile for the Council and CSP due to the harm impact and concern among residents and young people. This will be a priority for the team in Q3.",
            },
          ],
        },
        {
          title: "Preventing Violent Extremism work",
          ownerText: "Lead Officer",
          status: "IN_PROGRESS",
          rag: "AMBER",
          notes: [
            {
              writtenOn: SEP_26_2013,
              rag: "AMBER",
              body: "Delivery of the Preventing Violent Extremism work has slipped slightly due to sickness absence of the Lead Officer but this is getting back on track.",
            },
          ],
        },
        {
          title: "Publication of DV Homicide Reviews",
          ownerText: "Home Office",
          status: "IN_PROGRESS",
          rag: "AMBER",
          notes: [
            {
              writtenOn: SEP_26_2013,
              rag: "AMBER",
              body: "There are delays to the publication of the DV Homicide Reviews across London with no date in view. The process is held up by the Home Office who have not given a clear indication of when information will be released. May require collective lobbying.",
            },
          ],
        },
      ],
    },
  ],

  meetings: [
    {
      board: "sceb",
      heldOn: "2009-03-16",
      agendaItems: [
        {
          number: "1",
          title: "Safer Communities Priority Actions 2009/10",
          reportOf: "Claire Kowalska, Community Safety Manager (on behalf of Jean Croot, Head of Service)",
          purpose:
            "To present the proposed priority actions for the Safer Communities Partnership for 2009-10 for information and comment by members of the Board.",
          decisionSought: "That Board members confirm the objectives and agree on the areas for closer joint working.",
          priorities: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => `${S}#${n}` as const),
        },
      ],
    },
    {
      board: "cspb",
      heldOn: SEP_26_2013,
      agendaItems: [
        {
          number: "1",
          title: "Delivery Plan 2013 – 2014 – Progress update",
          reportOf: "Claire Kowalska, Community Safety Strategic Manager",
          purpose:
            "To report on progress to date against the annual partnership delivery Plan – refer to appended plan\nTo note areas of slippage and increase monitoring",
          decisionSought:
            "That board members note areas of slippage marked with a Red or Amber dot\nThat the board agree on priority actions for Q3 and Q4",
        },
      ],
    },
  ],
};
