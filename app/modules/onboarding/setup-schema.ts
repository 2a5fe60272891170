import { z } from "zod";
import { SETUP_TASKS } from "./setup-tasks";

export const SetupStepSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("done"), task: z.enum(SETUP_TASKS) }),
  z.object({ intent: z.literal("skip"), task: z.enum(SETUP_TASKS) }),
  z.object({ intent: z.literal("finish") }),
]);
