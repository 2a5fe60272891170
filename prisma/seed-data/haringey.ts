// Haringey, built only from two board papers:
//   seeds/000: Safer Communities Executive Board (SCEB), 16 March 2009, Priority Actions 2009/10
//   seeds/001: Community Safety Partnership Board, 26 September 2013, Delivery Plan 2013-14 progress
import type { PartnershipProfile } from "../../app/modules/profiles/profile-schema.js";

const S = "sc-2009";
const Q = "QUARTERLY" as const;
const SEP_26_2013 = "2013-09-26";

export const haringey: PartnershipProfile = {
  slug: "haringey",
  name: "Haringey Safer Communities Partnership",
  councils: ["London Borough of Haringey"],
  policeForceArea: "Metropolitan Police",

  agencies: [
    { key: "lbh", name: "London Borough of Haringey", kind: "COUNCIL" },
    { key: "mps", name: "Metropolitan Police Service", shortName: "MPS", kind: "POLICE" },
    { key: "lfb", name: "London Fire Brigade", shortName: "LFB", kind: "FIRE_AND_RESCUE" },
    { key: "havco", name: "HAVCO", kind: "VOLUNTARY" },
    { key: "mopac", name: "MOPAC", shortName: "MOPAC", kind: "OTHER" },
  ],

  people: [
    {
      key: "p-kowalska",
      name: "Claire Kowalska",
      // "Community Safety Manager" in March 2009; this is her title in September 2013.
      jobTitle: "Community Safety Strategic Manager",
      agency: "lbh",
      email: "claire.kowalska@haringey.gov.uk",
    },
    { key: "p-croot", name: "Jean Croot", jobTitle: "Head of Service", agency: "lbh" },
  ],

  boards: [
    {
      key: "sceb",
      name: "Safer Communities Executive Board",
      shortName: "SCEB",
      kind: "EXECUTIVE_BOARD",
      description:
        "Partnership action plans for the delivery of Safer Communities priorities are prepared annually for individual areas of responsibility such as key crime types, drug treatment, alcohol harm reduction and anti-social behaviour. They will be monitored quarterly by the responsible boards and progress will be reported to the SCEB twice a year.\nEach of the LAA improvement targets under the responsibility of this board is owned by a specific, partnership board and progress is regularly measured.",
      members: [],
    },
    {
      key: "cspb",
      name: "Community Safety Partnership Board",
      kind: "PARTNERSHIP_BOARD",
      members: [],
    },
    {
      key: "pmg",
      name: "Performance Management Group",
      shortName: "PMG",
      kind: "OTHER",
      members: [],
    },
  ],

  strategies: [
    {
      key: S,
      title: "Safer Communities key objectives 2009-10",
      startYear: 2009,
      endYear: 2009,
      summary: [
        "The high-level priorities and outcomes for the coming year which support our Local Area Agreement (LAA). The priorities are drawn from the 3-year Partnership Plan priorities and the latest annual strategic and needs' assessments. Individual action plans for each priority area will be finalised by the partnership boards during March 2009.",
        "The following areas of focus are common across two or more teams within the Service and will be subject to intensified joint working in the year ahead:",
        "Targeted community engagement and involvement",
        "Specialised, strategic commissioning",
        "Project and performance management",
        "Strengthening data, intelligence and analysis to identify unmet priorities and need; and to target interventions more precisely",
        "Co-ordinating communications and marketing around priorities",
        "Strengthening area-based working and problem-solving",
        "Preventing and diverting young people from offending, disorder and substance misuse through proven projects and support",
        "Co-ordinating support to the 18-25 age group (currently falling through the provision gap)",
        "Increasing awareness and action to reduce re-offending",
      ].join("\n"),
      priorities: [
        "To prevent and reduce serious priority crime (acquisitive crime, violent crime and domestic violence)",
        "To prevent and reduce persistent and serious anti-social behaviour (ASB) with a focus on young people, housing and the public realm",
        "To measurably improve perceptions of how the Council and Police deal with crime and ASB in the local area and increase confidence in the Partnership",
        "To reduce re-offending through co-ordination and resettlement services (esp. of non-statutory offenders)",
        "To reduce the number of children and young people involved in crime and disorder",
        "To support young people at risk of offending and invest in proven youth diversion programmes",
        "To reduce the harm caused through drug and alcohol misuse",
        "To support the local voluntary sector organisations that effectively engage with the Council and build the capacity of the Third Sector",
        "To build community engagement with the Council and its partners to improve the quality of life for local people",
        "To further develop programmes that offer support to victims and survivors of crime and ASB, especially the most vulnerable",
        "To ensure that the Borough is prepared for emergencies and has all necessary business continuity plans in place",
      ].map((title, i) => ({ number: i + 1, title, responsibleBoard: "sceb", leads: [] })),
    },
  ],

  indicators: [
    {
      key: "ni15",
      code: "NI 15",
      name: "Serious violent crime rate",
      unit: "RATE_PER_1000",
      direction: "LOWER_IS_BETTER",
      frequency: Q,
      responsibleBoard: "sceb",
    },
    {
      key: "ni16",
      code: "NI 16",
      name: "Serious acquisitive crime rate",
      unit: "RATE_PER_1000",
      direction: "LOWER_IS_BETTER",
      frequency: Q,
      responsibleBoard: "sceb",
    },
    {
      key: "ni21",
      code: "NI 21",
      name: "Perceptions of how police and local authority deal with crime and ASB locally",
      description:
        "National indicator: Dealing with local concerns about anti-social behaviour and crime issues by the local council and police.",
      unit: "PERCENTAGE",
      direction: "HIGHER_IS_BETTER",
      frequency: Q,
      responsibleBoard: "sceb",
    },
    {
      key: "ni35",
      code: "NI 35",
      name: "Preventing violent extremism",
      description: "National indicator: Building resilience to violent extremism (score 1-5).",
      unit: "SCORE",
      direction: "HIGHER_IS_BETTER",
      frequency: Q,
      responsibleBoard: "sceb",
    },
    {
      key: "ni40",
      code: "NI 40",
      name: "Drug users into effective treatment",
      description: "National indicator: Number of drug users recorded as being in effective treatment.",
      unit: "COUNT",
      direction: "HIGHER_IS_BETTER",
      frequency: Q,
      responsibleBoard: "sceb",
    },
    {
      key: "ni111",
      code: "NI 111",
      name: "Preventing entrants into the youth justice system",
      description:
        "National indicator: First time entrants to the youth justice system aged 10-17 (per 100,000 aged 10-17); fewer entrants is better.",
      unit: "RATE_PER_100000",
      direction: "LOWER_IS_BETTER",
      frequency: Q,
      responsibleBoard: "sceb",
    },
    {
      key: "confidence-police",
      name: "Confidence in police",
      description: "Local target.",
      unit: "PERCENTAGE",
      direction: "HIGHER_IS_BETTER",
      frequency: Q,
      targets: [
        {
          period: { type: "YEAR", financialYear: 2013 },
          value: "60",
          changes: [
            {
              previousValue: "55",
              newValue: "60",
              reason:
                "Partnership work around confidence and communications is becoming embedded into business as usual with improvements in targets (see performance report).",
              agreedBy: "Performance Management Group (PMG)",
            },
          ],
        },
      ],
    },
  ],

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
