// What the demo seed adds to a partnership after loading its profile document
// (prisma/profiles/<slug>.yaml): what is not configuration.
import type { PartnershipProfile } from "../../app/modules/profiles/profile-schema.js";

export type SeedActivity = Pick<PartnershipProfile, "deliveryPlans" | "meetings">;
