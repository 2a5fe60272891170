// Safer Halton Partnership, built only from one board paper:
//   seeds/004: Safer Halton Policy and Performance Board, 18 September 2007,
//   "Key developments for Community Safety within Halton".
// The paper names no council, no agency, no strategy and no indicator of the partnership's
// own; the two agencies are those the seeds README says serve Halton.
// Its configuration (agencies, people, boards) is in prisma/profiles/halton.yaml;
// this file holds what is not configuration: the meeting.
import type { SeedActivity } from "./seed-activity.js";

const AUTHOR = "Strategic Director – Health and Community";
const RECOMMENDATION =
  "Board Members are asked to note the report, agree the conclusions and provide active support to members of the Community Safety Team needing to address issues as they develop.";

export const halton: SeedActivity = {
  meetings: [
    {
      board: "ppb",
      heldOn: "2007-09-18",
      agendaItems: [
        {
          number: "3.1",
          title: "Crime and Disorder Reduction Partnership Reform Programme",
          reportOf: AUTHOR,
          purpose: [
            "Notification has been received from the Home Office over a reform programme that will affect the operations of Safer Halton Partnership. Whilst full details are expected in September / October 2007, the following aspects have been released currently:",
            "Fire and Rescue authorities will be included in Section 115 data sharing provisions and ALL relevant authorities will have a DUTY to share depersonalised information. Each relevant authority will be expected to have a designated officer with specific responsibility for information sharing.",
            "CDRPs are required to meet minimum standards that are subject to inspection. The standards set out six hallmarks of effective practice: empowered and effective leadership, intelligence-led business processes, effective and responsive delivery structures, community engagement, visible and constructive accountability and appropriate skills and knowledge.",
            "Guidance is to be published on meeting minimum standards and the new framework for Assessment of Police and Community Safety (APACS). A soon to be established Police and Partnership Support Unit (PPSU) is to be created to manage and support the introduction this development.",
            "The established three yearly Crime and Disorder audit and subsequent strategy process is to be scrapped and replaced with an ANNUAL Strategic Assessments and related delivery plans that inform LAA's.",
            "There will be no additional resources allocated to CDRPs to undertake the reform programme. Strategic Assessments are expected to be based on more up to date information and cover a shorter time period, the intention is that they will be more relevant to effective delivery, shorter and quicker to produce.",
          ].join("\n"),
          decisionSought: RECOMMENDATION,
        },
        {
          number: "3.2",
          title: "Cutting Crime – the new national crime reduction strategy",
          reportOf: AUTHOR,
          purpose: [
            "The Government has released a new crime reduction strategy that identifies a number of areas for focus over the period 2008-11:",
            "Stronger focus on serious violence",
            "Continued pressure on anti-social behaviour",
            "Renewed focus on young people",
            "New national approach to designing out crime",
            "Continuing to reduce offending",
            "Greater sense of national partnership",
            "Freeing up local partners and building public confidence",
          ].join("\n"),
          decisionSought: RECOMMENDATION,
        },
        {
          number: "3.3",
          title: "Developments within Halton Community Safety Team",
          reportOf: AUTHOR,
          purpose: [
            "The following areas of service delivery have been identified within Community Safety Team activity as in need of further focus and scheduled for introduction:",
            "Performance Management Framework – whilst reporting against specific nationally set targets has been in place for a considerable period, softer targets that demonstrate the value added to the communities of Halton by collective partnership activity has not. It is intended to introduce a framework that is as simple as possible, yet provide visibility and appropriate accountability across all partners forming the SHP.",
            "Communication and marketing – it is recognised that shortfalls exist and opportunities not exploited to effectively market services and successes afforded by community safety activity across the borough.",
            "Community Watch – the re-introduction of Community Watch is planned for September.",
            "Greater partnership engagement within problem solving – options and opportunities are being explored and progressed at Chief Officer level currently. A review of community safety structures across the borough is planned for autumn 2007.",
          ].join("\n"),
          decisionSought: RECOMMENDATION,
        },
        {
          number: "3.4",
          title: "Safer Halton Week",
          reportOf: AUTHOR,
          purpose: [
            "An initiative aimed at enhancing the profile of The Safer Halton Partnership and reassuring communities that Halton is a safe place to live, work and visit is planned for the week Monday 24th to Sunday 30th September 2007. All partner agencies have been invited to participate.",
            "There will be a focus during the week on supporting young people, the elderly, single parents and road users with themes of promoting positive behaviour, being proactive in addressing community issues and raising awareness of home and personal safety.",
            "A subsequent evaluation will be taken to the next Safer Halton Partnership meeting for information and discussion.",
          ].join("\n"),
          decisionSought: RECOMMENDATION,
        },
      ],
    },
  ],
};
