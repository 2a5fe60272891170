// Demo accounts for trying the app; the README lists them. Not real people.
import type { MembershipRole } from "../../app/modules/profiles/profile-schema.js";

export const DEMO_PASSWORD = "safer-partnerships-demo";

export type DemoUser = {
  email: string;
  name: string;
  memberships: Array<{ partnership: string; role: MembershipRole; agency?: string }>;
};

export const demoUsers: DemoUser[] = [
  { email: "manager@haringey.example", name: "Haringey Manager", memberships: [{ partnership: "haringey", role: "PARTNERSHIP_MANAGER" }] },
  { email: "manager@barnet.example", name: "Barnet Manager", memberships: [{ partnership: "barnet", role: "PARTNERSHIP_MANAGER" }] },
  { email: "manager@halton.example", name: "Halton Manager", memberships: [{ partnership: "halton", role: "PARTNERSHIP_MANAGER" }] },
  {
    email: "police.editor@barnet.example",
    name: "Barnet Police Editor",
    memberships: [{ partnership: "barnet", role: "AGENCY_EDITOR", agency: "Metropolitan Police Service" }],
  },
  {
    email: "probation.editor@barnet.example",
    name: "Barnet Probation Editor",
    memberships: [{ partnership: "barnet", role: "AGENCY_EDITOR", agency: "London Probation Trust" }],
  },
  { email: "board.member@barnet.example", name: "Barnet Board Member", memberships: [{ partnership: "barnet", role: "BOARD_MEMBER" }] },
  {
    email: "analyst@london.example",
    name: "London Analyst",
    memberships: [
      { partnership: "haringey", role: "VIEWER" },
      { partnership: "barnet", role: "VIEWER" },
    ],
  },
];
