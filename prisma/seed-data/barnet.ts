// Barnet Safer Communities Partnership, built only from two board papers:
//   seeds/002: Safer Communities Partnership Board, 15 January 2013, Item 5
//   seeds/003: Cabinet, 14 September 2011, Safer Communities Strategy 2011-2014
// Its configuration (agencies, people, boards, strategy, indicators, targets) is in
// prisma/profiles/barnet.yaml; this file holds what is not configuration: the
// meeting (the papers give no delivery plan).
import type { SeedActivity } from "./seed-activity.js";

const S = "scs-2011";

export const barnet: SeedActivity = {
  meetings: [
    {
      board: "scpb",
      heldOn: "2013-01-15",
      agendaItems: [
        {
          number: "5",
          title: "Safer Communities Strategy; refresh and review of progress against objectives",
          purpose:
            "Progress updates on performance against the priorities in the 2011-14 Safer Communities Strategy is a standing item at the Board. This report presents information on current activity and performance to enable the Board to review progress and hold the relevant lead partners to account.\nIt was agreed that the Strategy be reviewed annually to determine whether any of the priorities need to be refreshed in the light of current crime trends and emerging issues and the Board are also requested to consider this.",
          decisionSought:
            "To note and comment on the updates on Strategy priorities and identify where further action is required.\nTo agree whether any refresh is required to the priorities set out in the Strategy to take it through to March 2014",
          priorities: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `${S}#${n}` as const),
        },
      ],
    },
  ],
};
