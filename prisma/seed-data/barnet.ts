// Barnet Safer Communities Partnership, built only from two board papers:
//   seeds/002: Safer Communities Partnership Board, 15 January 2013, Item 5
//   seeds/003: Cabinet, 14 September 2011, Safer Communities Strategy 2011-2014
import type { PartnershipProfile } from "../../app/modules/profiles/profile-schema.js";

const S = "scs-2011";
const Y2010 = { type: "YEAR", financialYear: 2010 } as const;
const Y2013 = { type: "YEAR", financialYear: 2013 } as const;
const DENOMINATOR_SOURCE = "Implied by the rates stated in the Safer Communities Strategy 2011-14";

export const barnet: PartnershipProfile = {
  slug: "barnet",
  name: "Barnet Safer Communities Partnership",
  councils: ["London Borough of Barnet"],
  policeForceArea: "Metropolitan Police",

  denominators: [
    {
      key: "residents",
      kind: "RESIDENTS",
      name: "Residents",
      // Reproduces 23.877 (8192), 12.935 (4438), 3.55 (1218) and 10.29 (3529, to the
      // 2 dp printed), and 74.922 for the 25,705 total crimes of the cabinet report;
      // any of 343,088-343,092 does.
      values: [{ financialYear: 2010, value: "343090", source: DENOMINATOR_SOURCE }],
    },
    {
      key: "households",
      kind: "HOUSEHOLDS",
      name: "Households",
      // Reproduces 24.841 (3362 residential burglaries); any of 135,339-135,343 does.
      values: [{ financialYear: 2010, value: "135341", source: DENOMINATOR_SOURCE }],
    },
  ],

  agencies: [
    { key: "mps", name: "Metropolitan Police Service", shortName: "MPS", kind: "POLICE" },
    { key: "lbb", name: "London Borough of Barnet", shortName: "LBB", kind: "COUNCIL" },
    { key: "lbb-cs", name: "LBB Children's Service", kind: "COUNCIL", parent: "lbb" },
    { key: "lfb", name: "London Fire Brigade", shortName: "LFB", kind: "FIRE_AND_RESCUE" },
    { key: "probation", name: "London Probation Trust", kind: "PROBATION" },
    { key: "nhs-barnet", name: "NHS Barnet", kind: "HEALTH" },
    { key: "cps", name: "Crown Prosecution Service", shortName: "CPS", kind: "CRIMINAL_JUSTICE" },
    { key: "court", name: "Barnet Magistrates Court", kind: "CRIMINAL_JUSTICE" },
    { key: "community-barnet", name: "Community Barnet", kind: "VOLUNTARY" },
    { key: "mpa", name: "Metropolitan Police Authority", shortName: "MPA", kind: "OTHER" },
    { key: "cja", name: "Criminal Justice Agencies", kind: "CRIMINAL_JUSTICE", isGroup: true },
  ],

  people: [
    // Board members, from the strategy's Foreword (2011)
    {
      key: "p-longstaff",
      name: "Cllr David Longstaff",
      jobTitle: "Cabinet Member for Safety and Resident Engagement",
      agency: "lbb",
    },
    { key: "p-basu", name: "Ch Supt Neil Basu", jobTitle: "Barnet Borough Police Commander", agency: "mps" },
    { key: "p-george", name: "Tom George", jobTitle: "Barnet Borough Fire Commander", agency: "lfb" },
    { key: "p-riddle", name: "David Riddle", jobTitle: "Vice-Chair", agency: "nhs-barnet" },
    { key: "p-mulandi", name: "Ruth Mulandi", jobTitle: "Chief Executive", agency: "community-barnet" },
    {
      key: "p-boothman",
      name: "Chris Boothman",
      jobTitle: "Metropolitan Police Authority Link Member",
      agency: "mpa",
    },
    { key: "p-cohen", name: "Malcolm Cohen", agency: "court" },
    { key: "p-charlton", name: "Douglas Charlton", jobTitle: "Assistant Chief Officer", agency: "probation" },
    { key: "p-fernandez", name: "Philip Fernandez", jobTitle: "Borough Crown Prosecutor", agency: "cps" },
    // The Domestic Violence Strategy Board's other co-chair, named only by role
    { key: "p-dir-cs", name: "Director of Children's Service", agency: "lbb-cs" },
    // Priority leads, from the 15 January 2013 board paper
    { key: "p-usher", name: "Cdr Adrian Usher", agency: "mps" },
    { key: "p-murrant", name: "Steve Murrant", agency: "lbb" },
    { key: "p-mercer", name: "Jay Mercer", agency: "lbb" },
    { key: "p-kelly", name: "Michael Kelly", agency: "lbb" },
    { key: "p-causer", name: "Simon Causer", agency: "mps" },
    { key: "p-wharfe", name: "Pam Wharfe", agency: "lbb" },
    { key: "p-palmer", name: "Chris Palmer", agency: "lbb" },
    // Contacts
    {
      key: "p-nathan",
      name: "Andrew Nathan",
      jobTitle: "Strategic Policy Adviser",
      agency: "lbb",
      email: "andrew.nathan@barnet.gov.uk",
    },
    {
      key: "p-bell",
      name: "Richard Bell",
      jobTitle: "CDRP Information Manager, Safer Communities Partnership",
      agency: "lbb",
      email: "richard.bell@barnet.gov.uk",
    },
  ],

  boards: [
    {
      key: "scpb",
      name: "Safer Communities Partnership Board",
      kind: "PARTNERSHIP_BOARD",
      description:
        "The Safer Communities Partnership Board serves as the Borough's Crime and Disorder Reduction Partnership and is chaired by the Cabinet Member. The Board has no separate authority other than that vested in it by its individual partners, through signing a partnership agreement which outlines their organisation's commitment to participate. It leads on the 'Strong Safe communities for everyone' theme of the Sustainable Community Strategy.\nThe Board receives a standing report from both Adults and Children's Safeguarding Boards.",
      members: [
        { person: "p-longstaff", role: "CHAIR" },
        { person: "p-riddle", role: "VICE_CHAIR" },
        { person: "p-basu", role: "MEMBER" },
        { person: "p-george", role: "MEMBER" },
        { person: "p-mulandi", role: "MEMBER" },
        { person: "p-boothman", role: "MEMBER" },
        { person: "p-cohen", role: "MEMBER" },
        { person: "p-charlton", role: "MEMBER" },
        { person: "p-fernandez", role: "MEMBER" },
      ],
    },
    {
      key: "dvsb",
      name: "Domestic Violence Strategy Board",
      kind: "SUB_BOARD",
      parent: "scpb",
      description:
        "Barnet's Domestic Violence Strategy Board ensures all agencies respond to and tackle domestic violence in a joined up way. It is co-chaired by the Director of Children's Service and the Police Borough Commander and reports directly to the Safer Communities Partnership Board.",
      members: [
        { person: "p-dir-cs", role: "CO_CHAIR" },
        { person: "p-basu", role: "CO_CHAIR" },
      ],
    },
  ],

  strategies: [
    {
      key: S,
      title: "Safer Communities Strategy 2011-2014",
      startYear: 2011,
      endYear: 2013,
      summary:
        "Barnet Safer Communities Partnership is responsible for delivering the strategic objective in Barnet's Sustainable Community Strategy of Strong Safe Communities for Everyone and the specific aim to Reduce crime and antisocial behaviour: and ensure residents feel safe.\nThis will be measured through:\nReduction of total crime per 1000 population.\nReduction in perceptions of Anti-Social Behaviour in communities.\nImprovement in how safe residents feel.\nThe Strategy is a three year plan, but revised annually in the light of an updated Strategic Assessment.",
      priorities: [
        {
          number: 1,
          title: "Property crime with special focus on burglary",
          responsibleBoard: "scpb",
          leads: [{ agency: "mps", person: "p-usher" }],
          whyPriority: [
            "Property crime, i.e. crimes committed to gain possessions or money, is the most common and visible form of crime that will affect most of our residents. Only a small percentage of residents will be victims, but experience of these crimes will therefore influence their views on community safety.",
            "In the recent crime survey, domestic burglary was the crime that residents were most worried about falling victim to.",
            "For the past few years the level of burglary has increased, going against the general downward crime trend. Our otherwise safe Borough has a higher volume of burglary offences than any borough in London and is now the fifth highest in London for burglaries per household (based on 2010/11 data). 8 out of the 21 wards in Barnet are in the top 20 wards in the whole of London for volume of domestic burglary. In 2010/11 Childs Hill ward had more burglary offences than any other in London and 25% more offences than the next highest. In 2009/10 burglary rose by 17%, and in 2010/11 it increased by a further 10%. Burglary is now the single biggest contributor to the total volume of offences in Barnet. Reversing this trend will be our top priority.",
          ].join("\n"),
          whatWeWillDo: [
            "Develop a strategy which incorporates the following operations and tactics:",
            "Disrupt organised criminal networks",
            "Targeted crime prevention campaigns",
            "Intelligence led approach to targeting burglary hotspots both covertly and by visible presence",
            "Individual tailored Crime prevention advice to victims and surrounding householders",
            "Ensuring repeated offenders are brought to justice",
            "Co-ordinating the range of powers available to agencies such as Fire and Environmental health to best solve the problem",
          ].join("\n"),
        },
        {
          number: 2,
          title: "Anti-Social Behaviour",
          responsibleBoard: "scpb",
          leads: [{ agency: "lbb", person: "p-murrant" }],
          whyPriority: [
            "Anti-Social behaviour (ASB) has a corrosive effect on residents' daily lives. It involves incidents, including minor crimes, that affect their quality of life but may not be seen as high risk or high harm when taken individually. Collectively, there is a real effect on their overall fear of crime and more broadly their satisfaction with the quality of their life and the local area. If not checked, it can lead to a spiral of decline in the vitality of an area.",
            "In the 2011 Crime Survey, reducing ASB and Disorder was seen by residents as the top priority of all the possible crime priorities",
            "A proactive and visible approach to tackling all the aspects of ASB, ranging from graffiti, litter and vandalism to street drinking, rowdy behaviour, and disruptive neighbours. It is therefore an essential cornerstone of how we gain public confidence and reclaim the streets, public transport and open spaces as safe places for all members of the community to use.",
            "Anti-Social Behaviour can also have a particularly harmful effect on community cohesion if particular groups are targeted. For example it is important to raise awareness of abuse against people with disabilities, including learning disabilities, and particular ethnic or religious groups, in order to be able to identify and tackle it.",
          ].join("\n"),
          whatWeWillDo: [
            "Take a proactive approach to issues such as graffiti, fly-tipping and flyposting through the Council's Priority Intervention Team.",
            "Ensure through council services that the Borough is kept clean and attractive as a deterrent to Anti-Social Behaviour.",
            "Ensure through activities such as CCTV and licensing that street drinking and other rowdy behaviour is tackled effectively.",
            "Ensure incidents are effectively recorded, information is shared and data reviewed leading to an agreed set of measures with clear outcomes for residents.",
            "Improve governance arrangements for bringing agencies together to co-ordinate a strategic approach to ASB.",
            "Correctly task Police Safer Neighbourhood teams to work in effective partnership to ensure that every report of ASB is followed up by the Police or the relevant agency, that problems are resolved and that the person reporting is personally kept informed of the outcome.",
            "Identify repeat victims of ASB at the earliest possible opportunity and intervene using a multi-agency problem-solving approach.",
            "Fire Brigade contribution through arson reduction liaison, youth engagement activities and reduction of hoax calls in the Borough.",
            "Police and Fire both working with LBB Planning to 'design out' opportunities for arson and anti-social behaviour when planning new developments and regeneration.",
          ].join("\n"),
        },
        {
          number: 3,
          title: "Violent crime with specific focus on domestic violence",
          responsibleBoard: "scpb",
          leads: [
            { agency: "mps", person: "p-usher" },
            { agency: "lbb", person: "p-mercer" },
          ],
          whyPriority: [
            "Fortunately levels of violent crime are lower in Barnet than many other Boroughs, but the severity of these crimes makes it essential that they are tackled robustly.",
            "Domestic violence (DV) is a high priority. As the most populous borough in London, with a large number of children and young people, the potential impact of domestic violence on our communities is huge. We estimate at least a quarter of reported violent crimes are related to domestic violence (i.e. threatening behaviour, violence or abuse against adults who are or have been in intimate relationships or family members, old and young). We know this crime is vastly underreported and exists in a myriad of relationships. While primarily perpetrated by men on women, those in same sex relationships are also victims.",
            "We need to encourage residents to report domestic violence incidents to the police and/or to other agencies who can support victims and survivors. Our new campaign 'Taking the First Step' will start to address this.",
            "Barnet's Domestic Violence Strategy Board ensures all agencies respond to and tackle domestic violence in a joined up way. It is co-chaired by the Director of Children's Service and the Police Borough Commander and reports directly to the Safer Communities Partnership Board.",
            "The Strategic Assessment highlights the importance of focusing on repeat offending as a control strategy for reducing crime. This is particularly relevant to domestic violence offences.",
          ].join("\n"),
          whatWeWillDo: [
            "Increase awareness of DV among agencies and residents through media activity.",
            "Implement the North London Rape Crisis Centre Service.",
            "Develop and implement effective perpetrator services.",
            "Ensure safe and effective interventions at the earliest opportunity so survivors can continue with their lives.",
            "Safeguard the needs of young people and vulnerable adults whose lives are affected by DV.",
            "Deliver an effective criminal justice system to punish, deter and reduce repeat DV victimisation.",
            "Ensure integration with the Family Intervention project 'family focus'.",
            "Promote the use of the Multi Agency Risk Assessment Conference (MARAC).",
            "In addition we will continue to:",
            "Ensure effective inter agency co-ordination against all forms of violence.",
            "Be robust in tackling problem licensed premises and in the prosecution of alcohol related violence.",
            "Tackle violent offenders through disrupting gangs and arresting individuals causing harm.",
          ].join("\n"),
        },
        {
          number: 4,
          title: "Improving integrated offender management",
          responsibleBoard: "scpb",
          leads: [
            { agency: "probation", person: "p-charlton" },
            { agency: "lbb", person: "p-kelly" },
            { agency: "mps" },
          ],
          whyPriority: [
            "The Strategic Assessment highlights how a number of older prolific offenders are trapped in a repeat cycle of offending which can go on for years and is often driven by their need to feed Class A drug habits. They have a particularly significant impact on burglary levels but this pattern is relevant to all our priorities including anti-social behaviour and domestic violence.",
            "The principles of Integrated Offender Management are that all agencies involved in criminal justice, drug and alcohol and family intervention work together in a single coherent structure for case management of repeat offenders. A number of programmes, including the Drug Intervention Programme, Priority and Prolific Offenders scheme, and Multi Agency Public Protection Arrangements are managed through this multi-agency approach to reduce duplication of work in tackling offenders and close gaps in service provision or enforcement that can cause harm and risk to individuals or communities.",
            "In doing so all elements of offender management are co-ordinated: preventing and deterring offending, catching and convicting offenders, and rehabilitating them and resettling them in the community.",
            "This system of working is already well established in the Youth Offending service, which brings a multi disciplinary approach to working with young offenders to manage their circumstances and reduce the opportunities for re-offending, including diverting first time entrants from the criminal justice system instead of criminalising them.",
          ].join("\n"),
          whatWeWillDo: [
            "Establish an effective IoM structure for Barnet.",
            "Improve and better integrate Drug and Alcohol Services.",
            "Implement the Supported Compliance scheme to improve multi-agency working to ensure offenders comply with the terms of their community order or license.",
            "Improve the sharing of data and information across agencies where it can lead to the prevention or detection of crime or safeguard children and vulnerable groups.",
            "Tackle youth offenders in an integrated way through the Youth Offending Service.",
          ].join("\n"),
        },
        {
          number: 5,
          title: "Broader cost effective early intervention",
          responsibleBoard: "scpb",
          leads: [{ agency: "lbb", person: "p-mercer" }],
          whyPriority: [
            "Many people who cause harm to themselves, others or society, can be predicted to do so from an early age owing to the chaotic lifestyles surrounding them and their families. Factors affecting their development include drug misuse, poor attendance and attainment at school, a family history of offending, mental health issues, worklessness, or family breakdown.",
            "Many offenders are drawn into relatively low level crime and anti-social behaviour from an early age. If their offending is not checked there is a risk they progress into being more serious offenders who are part of organised criminal networks. The Strategic Assessment has highlighted the current danger presented by the activities of established gangs, emerging gangs and youth peer groups involved in robbery and violence",
            "By working together to intensively support families at risk of these factors from an early stage, we can reduce the costs that the public sector incur in dealing with the consequences of offending and other social ills, and resolve problems that lead to offending in later life.",
            "Programmes such as Family Focus, our Family Intervention programme which is the subject of Barnet's first Community Budget, pool the resources of all public services who can address families complex needs by working closer together- reducing both harm and the long term cost to the taxpayer.",
          ].join("\n"),
          whatWeWillDo: [
            "Pool data and resources to deliver expanded Family Focus programme, with referrals collectively identified by partners.",
            "Share information under legal safeguards to prevent and detect crime or safeguard children, which highlight those individuals, families or groups causing most harm to communities across the public service.",
            "Work with the people identified and known to be at risk of offending to resolve the issues at the earliest opportunity.",
            "Develop a model so that by 2012/13 we can measure and track the costs of crime and ASB to the criminal justice system. Measure reoffending rates for young people and adults against cohort that receive early intervention.",
          ].join("\n"),
        },
        {
          number: 6,
          title: "Focus on the places where offences take place",
          responsibleBoard: "scpb",
          leads: [
            { agency: "mps", person: "p-causer" },
            { agency: "lbb", person: "p-wharfe" },
          ],
          whyPriority: [
            "We take an intelligence led approach to putting police and partnership resources into the areas where the most offences take place. This is based on crime mapping tools which draw on the information and intelligence residents give us when they report crime.",
            "This allows us to focus on tackling the areas causing most harm to the fabric of Barnet's communities with a variety of interventions including target hardening and security measures to protect property and the environment, increasing visible police patrolling and covert police operations, and working with licensed premises to tackle alcohol-related disorder, particularly at night.",
            "The Strategic Assessment highlights concerns in specific areas of the Borough such as burglary in Childs Hill and Golders Green; robbery in North Finchley; and gang related violence in Grahame Park. However it also identifies emerging hotspots and resources will be diverted to areas where problems arise.",
          ].join("\n"),
          whatWeWillDo: [
            "Share partnership information on areas/wards most affected by crime to identify priority areas for intervention.",
            "To tackle crime in those areas through multi-agency intelligence, prevention, enforcement and community engagement.",
            "Design out crime and anti-social behaviour in particular in the Borough's regeneration schemes.",
            "Intelligent use of the Borough's CCTV schemes to deter and prevent crime and investigate criminal activity.",
            "Ensure our Town Centres are safe and attractive to use and that Council's powers over issues such as street drinking and disorder from licensed premises are fully used.",
            "Priority Intervention Team to tackle enviro-crime in identified hotspots.",
          ].join("\n"),
        },
        {
          number: 7,
          title: "Tackle repeat victimisation",
          responsibleBoard: "scpb",
          leads: [{ agency: "mps" }, { agency: "cja" }],
          whyPriority:
            "The Strategic Assessment highlights that many residents are repeat victims of the same crime, particularly some of the most high harm offences such as domestic violence. There is much we can do to ensure that the circumstances that enabled the crime to take place are addressed to minimise the opportunity of a repeat, and we need to support victims to ensure that available remedies are seen through and that they can have confidence in community safety agencies and in the criminal justice system.",
          whatWeWillDo: [
            "More integrated and consistent support to victims of anti-social behaviour and tracking their cases.",
            "Crime prevention advice to prevent repeat property crimes.",
            "Commissioning effective DV support services including funding a DV perpetrators programme.",
            "Better management of offenders to stop them re-offending.",
            "Bringing offences to justice swiftly and ensuring victims are supported through the process.",
            "Counselling and support.",
          ].join("\n"),
        },
        {
          number: 8,
          title: "Building Reassurance and Confidence",
          responsibleBoard: "scpb",
          leads: [{ agency: "mps" }, { agency: "lbb", person: "p-palmer" }],
          whyPriority: [
            "The relationship between fear of crime and crime is complex and the former can be present even in low crime areas. Sometimes a fear is well founded on actual crime statistics, at other times it may be influenced by the quality of our surroundings or media perceptions of crime.",
            "Our communications activity will seek to reassure and present the facts in a rational way that does not unduly raise perceptions of crime and emphasises that the chances of being a victim of crime are low.",
            "We aim to increase public confidence that partners are working together to tackle the things in the public realm that make residents feel unsafe, such as street lighting and anti-social behaviour.",
            "Our general approach will be to reassure residents, but there are specific times when we might need to ensure they are not complacent about real threats that exist, and to encourage them to take precautions. For example, in a recent crime prevention awareness campaign for burglary it was apparent that many residents were unaware of the scale of the problem.",
            "We are proud of Barnet's community cohesion and will make it a priority to retain the confidence of the Borough's diverse faith and ethnic communities, that their safety is being taken seriously and good community relations are maintained.",
          ].join("\n"),
          whatWeWillDo: [
            "Publish a communications strategy that informs residents of Barnet's partnership approach to community safety issues.",
            "Inform residents when we have done what they ask ('you said, we did' type campaigns).",
            "Use Police Safer Neighbourhood teams to provide visible reassurance engagement and better public access to the Police.",
            "Develop a programme for all agencies who visit the public to help them understand how to spot vulnerable people and premises and give sound security advice.",
            "Tie in Neighbourhood Watch and Community Action (CAP) panels with the Barnet Community Safety Engagement Group to ensure the widest possible access to police and council to discuss community safety.",
            "Encourage Neighbourhood Watch champions to patrol the streets with Police Community Support Officers.",
            "Improve the public realm of the Borough as a clean and green place in which residents feel secure.",
            "Work in partnership to make our Town centres safe and attractive.",
            "Encourage a 'Big Society' approach to enviro-crime and quality of life, e.g. through adopt a street and resident nominated 'street champions'",
            "Use Home Fire Safety Visits to identify areas where vulnerable people would benefit from additional support and refer that information to the appropriate agency with their consent.",
            "Promote successful examples of crimes detected and offenders prosecuted as a result of CCTV.",
            "Nurture and improve police and partner key individual networks in all our diverse communities to promote wider access to the Partnership.",
          ].join("\n"),
        },
      ],
    },
  ],

  indicators: [
    // ---- Priority 1: property crime, focus on burglary ----
    {
      key: "total-crime",
      name: "Total crime",
      description: "Total crime per 1000 population.",
      unit: "RATE_PER_1000",
      direction: "LOWER_IS_BETTER",
      denominator: "residents",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      // Priority 6: "This approach will result in improved performance on priority 1 (reduction in total crime)"
      // The strategy names one lead agency for priority 1's section, whose target table this is.
      leadAgency: "mps",
      priorities: [`${S}#1`, `${S}#6`],
      baselines: [
        {
          period: Y2010,
          value: "74.922",
          count: "27705",
          note: "As printed: 27705 (74.922 per 1000 pop). The cabinet report (para 9.3) gives 25,705 total crimes in 2010/11, which is the count the rate implies.",
        },
      ],
      targets: [{ period: Y2013, requiredDirection: "REDUCE", note: "Reduction in total crime" }],
    },
    {
      key: "serious-property-crime",
      name: "Total serious property crime",
      unit: "RATE_PER_1000",
      direction: "LOWER_IS_BETTER",
      denominator: "residents",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      // The strategy names one lead agency for priority 1's section, whose target table this is.
      leadAgency: "mps",
      priorities: [`${S}#1`],
      baselines: [{ period: Y2010, value: "23.877", count: "8192", note: "As printed: 8192 (23.877 per 1000 pop)" }],
      targets: [{ period: Y2013, requiredDirection: "REDUCE", note: "Reduction in total serious property crime" }],
    },
    {
      key: "residential-burglary",
      name: "Residential burglary",
      description:
        "The strategy prints the rate as per 1000 pop, but it is per household: 3362 at 24.841 implies about 135,341, and the strategy ranks Barnet 'fifth highest in London for burglaries per household'. Weekly figures are reported to the board (15 January 2013, Appendix C).",
      unit: "RATE_PER_1000",
      direction: "LOWER_IS_BETTER",
      denominator: "households",
      frequency: "WEEKLY",
      responsibleBoard: "scpb",
      // The strategy names one lead agency for priority 1's section, whose target table this is.
      leadAgency: "mps",
      priorities: [`${S}#1`],
      baselines: [{ period: Y2010, value: "24.841", count: "3362", note: "As printed: 3362 (24.841 per 1000 pop)" }],
      targets: [{ period: Y2013, requiredDirection: "REDUCE", note: "Reduction in residential burglary" }],
    },

    // ---- Priority 2: anti-social behaviour ----
    {
      key: "asb-worried",
      name: "Very/fairly worried about ASB in this area",
      description: "% reporting the extent they are very/fairly worried about ASB in this area.",
      unit: "PERCENTAGE",
      direction: "LOWER_IS_BETTER",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      // The strategy names one lead agency for priority 2's section, whose target table this is.
      leadAgency: "lbb",
      priorities: [`${S}#2`],
      baselines: [{ period: Y2010, value: "24" }],
      targets: [
        {
          period: Y2013,
          requiredDirection: "REDUCE",
          note: "Reduction in % reporting the extent they are very/fairly worried about ASB in this area",
        },
      ],
    },
    ...(
      [
        ["asb-teenagers", "Teenagers hanging around on the streets", "21"],
        ["asb-rubbish", "Rubbish or litter lying around", "21"],
        ["asb-vandalism", "Vandalism, graffiti and other deliberate damage", "19"],
        ["asb-drunk", "People being drunk or rowdy in a public place", "9"],
        ["asb-noisy", "Noisy neighbours or loud parties", "10"],
        ["asb-drugs", "Perceptions of local drug use or dealing", "13"],
        ["asb-cars", "Abandoned or burnt out cars", "5"],
        ["asb-gangs", "Gangs", "9"],
      ] as const
    ).map(([key, strand, baseline]) => ({
      key,
      name: `ASB a big problem: ${strand.charAt(0).toLowerCase()}${strand.slice(1)}`,
      description: `% reporting '${strand}' as a big problem (a strand of ASB).`,
      unit: "PERCENTAGE" as const,
      direction: "LOWER_IS_BETTER" as const,
      source: "Met Police Survey",
      frequency: "YEARLY" as const,
      responsibleBoard: "scpb",
      // The strategy names one lead agency for priority 2's section, whose target table this is.
      leadAgency: "lbb",
      priorities: [`${S}#2` as const],
      baselines: [{ period: Y2010, value: baseline }],
      targets: [
        {
          period: Y2013,
          requiredDirection: "REDUCE" as const,
          note: "Reduction in % reporting the different strands of ASB Survey as a big problem",
        },
      ],
    })),

    // ---- Priority 3: violent crime, focus on domestic violence ----
    {
      key: "vap",
      name: "Total violence against the person crime rate",
      description: "Total violence against the person crime rates per 1000 population. The strategy states no target direction for it.",
      unit: "RATE_PER_1000",
      direction: "LOWER_IS_BETTER",
      denominator: "residents",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      // The strategy names one lead agency for priority 3's section, whose target table this is.
      leadAgency: "mps",
      priorities: [`${S}#3`],
      baselines: [{ period: Y2010, value: "12.935", count: "4438", note: "As printed: 12.935 (4438 people)" }],
    },
    {
      key: "dv-offences",
      name: "Domestic violence offences",
      description:
        "DV offences per 1000 population. The partnership wants more reporting: 'We know this crime is vastly underreported' and 'We need to encourage residents to report domestic violence incidents to the police and/or to other agencies'.",
      unit: "RATE_PER_1000",
      direction: "HIGHER_IS_BETTER",
      denominator: "residents",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      // The strategy names one lead agency for priority 3's section, whose target table this is.
      leadAgency: "mps",
      priorities: [`${S}#3`],
      baselines: [{ period: Y2010, value: "10.29", count: "3529", note: "As printed: (i) 10.29 (3529 people)" }],
      targets: [{ period: Y2013, requiredDirection: "INCREASE", note: "Increase DV: (i) offences" }],
    },
    {
      key: "dv-incidents",
      name: "Domestic violence incidents reported",
      description:
        "DV incidents reported per 1000 population. The partnership wants more reporting: 'We know this crime is vastly underreported' and 'We need to encourage residents to report domestic violence incidents to the police and/or to other agencies'.",
      unit: "RATE_PER_1000",
      direction: "HIGHER_IS_BETTER",
      denominator: "residents",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      // The strategy names one lead agency for priority 3's section, whose target table this is.
      leadAgency: "mps",
      priorities: [`${S}#3`],
      baselines: [{ period: Y2010, value: "3.55", count: "1218", note: "As printed: (ii) 3.55 (1218 people)" }],
      targets: [
        { period: Y2013, requiredDirection: "INCREASE", note: "Increase DV: (ii) incidents reported per 1000 population" },
      ],
    },
    {
      key: "dv-repeat",
      name: "Repeat incidents of domestic violence",
      description: "% of repeat incidents of DV.",
      unit: "PERCENTAGE",
      direction: "LOWER_IS_BETTER",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      // The strategy names one lead agency for priority 3's section, whose target table this is.
      leadAgency: "mps",
      priorities: [`${S}#3`],
      baselines: [{ period: Y2010, value: "21" }],
      targets: [{ period: Y2013, requiredDirection: "REDUCE", note: "Reduction in % of repeat incidents of DV" }],
    },

    // ---- Priority 4: integrated offender management ----
    {
      key: "youth-reoffending",
      name: "Repeat youth offending",
      description: "Re-offences per 100 young people after 12 months.",
      unit: "RATE_PER_100",
      direction: "LOWER_IS_BETTER",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      // The strategy names one lead agency for priority 4's section, whose target table this is.
      leadAgency: "probation",
      priorities: [`${S}#4`],
      baselines: [{ period: Y2010, value: "0.80", note: "0.80 re-offences per 100 young people after 12 months" }],
      targets: [
        {
          period: Y2013,
          requiredDirection: "REDUCE",
          note: "[Reduction in r]epeat youth offending (the start of the wording is cut off in the paper's table)",
        },
      ],
    },
    {
      key: "probation-reoffending",
      name: "Repeat offending (probation)",
      description: "Actual rate of re-offending of the probation cohort.",
      unit: "PERCENTAGE",
      direction: "LOWER_IS_BETTER",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      // The strategy names one lead agency for priority 4's section, whose target table this is.
      leadAgency: "probation",
      priorities: [`${S}#4`],
      baselines: [
        {
          period: Y2010,
          value: "7.80",
          note: "Cohort size = 2999\nActual rate of re-offending = 7.80%\nPredicted rate of re-offending = 7.72%\nDifference from baseline (2007/08) = 1.12%",
        },
      ],
      targets: [{ period: Y2013, requiredDirection: "REDUCE", note: "Reduction in repeat offending (probation)" }],
    },
    {
      key: "dip-completions",
      name: "Offenders successfully completing the Drug Intervention Programme (DIP)",
      description:
        "As far as legible (the paper's table is cut off): 'Increase in offenders successfully completing the Drug Intervention programme (DIP) in ca… (agreed exit either … occasional user (not op…'",
      unit: "PERCENTAGE",
      direction: "HIGHER_IS_BETTER",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      // The strategy names one lead agency for priority 4's section, whose target table this is.
      leadAgency: "probation",
      priorities: [`${S}#4`],
      baselines: [{ period: Y2010, value: "18" }],
      targets: [
        {
          period: Y2013,
          requiredDirection: "INCREASE",
          note: "Increase in offenders successfully completing the Drug Intervention programme (DIP)",
        },
      ],
    },
    {
      key: "dip-effective-treatment",
      name: "Problematic users (opiates/crack) engaging in effective DIP treatment",
      description:
        "As far as legible (the paper's table is cut off): 'Increase in offender… problematic users … opiates/crack) who a… engaging in 'effective DIP treatment''",
      unit: "PERCENTAGE",
      direction: "HIGHER_IS_BETTER",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      // The strategy names one lead agency for priority 4's section, whose target table this is.
      leadAgency: "probation",
      priorities: [`${S}#4`],
      baselines: [{ period: Y2010, value: "83" }],
      targets: [
        {
          period: Y2013,
          requiredDirection: "INCREASE",
          note: "Increase in offenders … problematic users (opiates/crack) … engaging in 'effective DIP treatment'",
        },
      ],
    },

    // ---- Priority 5: early intervention ----
    {
      key: "family-focus",
      name: "Number of families covered by expanded Family Focus programme",
      description: "The strategy states no target direction or value for it.",
      unit: "COUNT",
      direction: "HIGHER_IS_BETTER",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      // The strategy names one lead agency for priority 5's section, whose target table this is.
      leadAgency: "lbb-cs",
      priorities: [`${S}#5`],
      baselines: [{ period: Y2010, value: "9" }],
    },

    // ---- Priority 7: repeat victimisation ----
    {
      key: "repeat-burglary",
      name: "Repeat victimisation - domestic burglary",
      unit: "PERCENTAGE",
      direction: "LOWER_IS_BETTER",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      // Priority 6: "... and priority 7 (reduced repeat victimisation rates)"
      priorities: [`${S}#7`, `${S}#6`],
      baselines: [{ period: Y2010, value: "5.25" }],
      targets: [{ period: Y2013, requiredDirection: "REDUCE", note: "Reduce repeat victimisation - domestic burglary" }],
    },
    {
      key: "repeat-asb",
      name: "Repeat victimisation - ASB",
      unit: "PERCENTAGE",
      direction: "LOWER_IS_BETTER",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      priorities: [`${S}#7`, `${S}#6`],
      baselines: [{ note: "To be established 2011/12" }],
      targets: [{ period: Y2013, requiredDirection: "REDUCE", note: "Reduce repeat victimisation - ASB" }],
    },
    {
      key: "repeat-marac",
      name: "Repeat victimisation - domestic violence cases managed by MARAC",
      description:
        "Repeat victimisation for those domestic violence cases managed by a Multi Agency Risk Assessment Conference (MARAC). The strategy prints no baseline.",
      unit: "PERCENTAGE",
      direction: "LOWER_IS_BETTER",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      priorities: [`${S}#7`, `${S}#6`],
      targets: [
        {
          period: Y2013,
          requiredDirection: "REDUCE",
          note: "Reduce repeat victimisation for those domestic violence cases managed by a Multi Agency Risk Assessment Conference (MARAC)",
        },
      ],
    },

    // ---- Priority 8: reassurance and confidence (Met Police Public Attitudes Survey) ----
    {
      key: "confidence",
      name: "Confidence: police and council dealing with ASB and crime issues that matter in the area",
      unit: "PERCENTAGE",
      direction: "HIGHER_IS_BETTER",
      source: "Met Police Public Attitudes Survey",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      priorities: [`${S}#8`],
      baselines: [{ period: Y2010, value: "31" }],
      targets: [
        {
          period: Y2013,
          requiredDirection: "INCREASE",
          note: "Increased confidence (measure - police and council dealing with ASB and crime issues that matter in the area)",
        },
      ],
    },
    {
      key: "safe-day",
      name: "Feel safe walking alone in this area during the day",
      description: "How safe do you feel walking alone in this area during the day? (Very/fairly safe)",
      unit: "PERCENTAGE",
      direction: "HIGHER_IS_BETTER",
      source: "Met Police Public Attitudes Survey",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      priorities: [`${S}#8`],
      baselines: [{ period: Y2010, value: "99" }],
      targets: [
        {
          period: Y2013,
          requiredDirection: "INCREASE",
          note: "Increased feeling of safety; how safe do you feel walking alone in this area during the day? (Very/fairly safe)",
        },
      ],
    },
    {
      key: "safe-dark",
      name: "Feel safe walking alone in this area after dark",
      description: "How safe do you feel walking alone in this area after dark? (Very/fairly safe)",
      unit: "PERCENTAGE",
      direction: "HIGHER_IS_BETTER",
      source: "Met Police Public Attitudes Survey",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      priorities: [`${S}#8`],
      baselines: [{ period: Y2010, value: "88" }],
      targets: [
        {
          period: Y2013,
          requiredDirection: "INCREASE",
          note: "Increased feeling of safety; how safe do you feel walking alone in this area after dark? (Very/fairly safe)",
        },
      ],
    },
    {
      key: "worried-crime",
      name: "Worried about crime in this area",
      description:
        "To what extent are you worried about crime in this area (very/fairly worried). A fall in this percentage is the 'increased feeling of safety' the strategy asks for.",
      unit: "PERCENTAGE",
      direction: "LOWER_IS_BETTER",
      source: "Met Police Public Attitudes Survey",
      frequency: "YEARLY",
      responsibleBoard: "scpb",
      priorities: [`${S}#8`],
      baselines: [{ period: Y2010, value: "25" }],
      targets: [
        {
          period: Y2013,
          requiredDirection: "REDUCE",
          note: "Increased feeling of safety; to what extent are you worried about crime in this area (very/fairly worried)",
        },
      ],
    },
  ],

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
