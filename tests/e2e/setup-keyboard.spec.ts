import { expect, test, type Locator, type Page } from "@playwright/test";

// Every step of the guided set-up, done with the keyboard alone: focus moves with Tab,
// text is typed, radios and checkboxes are chosen with Space and the arrow keys, options
// with the arrow keys, and links and buttons are pressed with Enter. Only the sign-up
// before it uses fill(); nothing after it is clicked, filled or checked.

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/** Presses Tab until the target has focus, as someone without a mouse would. */
async function tabTo(page: Page, target: Locator) {
  await expect(target).toBeVisible();
  // Enough to go round a long form once, whatever the page's first focusable element.
  for (let presses = 0; presses < 150; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

async function press(page: Page, target: Locator) {
  await tabTo(page, target);
  await page.keyboard.press("Enter");
}

async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}

/** A select's option, by moving through the options with the down arrow. */
async function chooseOption(page: Page, select: Locator, label: string | RegExp) {
  await tabTo(page, select);
  for (let presses = 0; presses < 30; presses++) {
    const chosen = await select.evaluate((element: HTMLSelectElement) => element.selectedOptions[0]?.text ?? "");
    if (typeof label === "string" ? chosen === label : label.test(chosen)) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`No option ${String(label)} in ${String(select)}`);
}

/** A radio: Tab into its group (one stop), Space to choose, arrows to move the choice. */
async function chooseRadio(page: Page, group: Locator, label: string) {
  const radio = group.getByRole("radio", { name: label, exact: true });
  await expect(group).toBeVisible();
  for (let presses = 0; presses < 150; presses++) {
    if (await group.evaluate((element) => element.contains(document.activeElement))) break;
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Space");
  for (let presses = 0; presses < 10; presses++) {
    if (await radio.isChecked()) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`Could not choose ${label}`);
}

async function tickCheckbox(page: Page, checkbox: Locator) {
  await tabTo(page, checkbox);
  await page.keyboard.press("Space");
  await expect(checkbox).toBeChecked();
}

test("every set-up step can be done with the keyboard alone", async ({ page }) => {
  const status = (task: string) => page.locator(`#task-${task}-status`);
  const taskLink = (name: string) => page.locator(".govuk-task-list").getByRole("link", { name, exact: true });
  const saveAndContinue = page.getByRole("button", { name: "Save and continue" }).last();
  const heading = page.getByRole("heading", { level: 1 });

  // The sign-up (not a set-up step) may use fill().
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Kit Keyboard");
  await page.getByLabel("Email address").fill(`manager-${Date.now()}@keyboard-vale.example`);
  await page.getByLabel("Password").fill("a long and unusual passphrase");
  await page.getByLabel("Partnership name").fill("Safer Keyboard Vale Partnership");
  await page.getByLabel(/^Council/).fill("Keyboard Vale Council");
  await page.getByLabel("Web address").fill("keyboard-vale");
  await page.getByLabel("Residents this financial year").fill("120000");
  await page.getByLabel("Households this financial year").fill("50000");
  await page.getByRole("button", { name: "Create partnership" }).click();
  await expect(heading).toHaveText("Set up your partnership");

  // Partnership details.
  await press(page, taskLink("Partnership details"));
  await expect(heading).toHaveText("Partnership details");
  await typeInto(page, page.getByLabel("Police force area (optional)"), "Keyboard Vale Constabulary");
  await typeInto(page, page.getByLabel("Households", { exact: true }), "51000");
  await press(page, page.getByRole("button", { name: "Save details" }));
  await expect(page.getByText("Details saved")).toBeVisible();
  await expect(page.getByLabel("Police force area (optional)")).toHaveValue("Keyboard Vale Constabulary");
  await expect(page.getByRole("table", { name: "Numbers recorded" })).toContainText("51,000");
  await press(page, saveAndContinue);
  await expect(status("details")).toContainText("Completed");

  // Partner agencies: two from the templates, and one typed in.
  await press(page, taskLink("Partner agencies"));
  await expect(heading).toHaveText("Partner agencies");
  const templates = page.getByRole("group", { name: "Choose the agencies to add" }).getByRole("checkbox");
  const templateNames = await templates.evaluateAll((boxes: HTMLInputElement[]) => boxes.slice(0, 2).map((box) => box.value));
  await tickCheckbox(page, templates.nth(0));
  await tickCheckbox(page, templates.nth(1));
  await press(page, page.getByRole("button", { name: "Add chosen agencies" }));
  const agencies = page.getByRole("table", { name: "Agencies" });
  for (const name of templateNames) await expect(agencies).toContainText(name);
  await typeInto(page, page.getByLabel("Agency name"), "Keyboard Vale Youth Service");
  await chooseOption(page, page.getByLabel("Kind of agency"), /Youth/);
  await press(page, page.getByRole("button", { name: "Add agency" }));
  await expect(agencies).toContainText("Keyboard Vale Youth Service");
  await press(page, saveAndContinue);
  await expect(status("agencies")).toContainText("Completed");

  // Named people.
  await press(page, taskLink("Named people"));
  await typeInto(page, page.getByLabel("Name", { exact: true }), "Insp Kay Board");
  await typeInto(page, page.getByLabel("Job title (optional)"), "Neighbourhood Inspector");
  await chooseOption(page, page.getByLabel("Agency (optional)"), templateNames[0]!);
  await press(page, page.getByRole("button", { name: "Add person" }));
  await expect(page.getByRole("table", { name: "People" })).toContainText("Insp Kay Board");
  await press(page, saveAndContinue);
  await expect(status("people")).toContainText("Completed");

  // A board, and its chair.
  await press(page, taskLink("Boards"));
  await typeInto(page, page.getByLabel("Board name"), "Safer Keyboard Vale Board");
  await chooseOption(page, page.getByLabel("Kind of board"), /Partnership board/i);
  await press(page, page.getByRole("button", { name: "Add board" }));
  await expect(heading).toHaveText("Safer Keyboard Vale Board");
  await chooseOption(page, page.getByLabel("Person"), "Insp Kay Board");
  await chooseOption(page, page.getByLabel("Role on the board"), "Chair");
  await press(page, page.getByRole("button", { name: "Add to board" }));
  await expect(page.getByRole("table", { name: "Chair and members" })).toContainText("Insp Kay Board");
  await press(page, saveAndContinue);
  await expect(status("boards")).toContainText("Completed");

  // The strategy, two priorities, and their numbers swapped.
  await press(page, taskLink("Strategy and priorities"));
  await typeInto(page, page.getByLabel("Strategy title"), "Keyboard Vale Community Safety Strategy");
  await typeInto(page, page.getByLabel("First financial year"), "2026");
  await typeInto(page, page.getByLabel("Last financial year"), "2028");
  await press(page, page.getByRole("button", { name: "Create strategy" }));
  await expect(page.getByText("Strategy saved")).toBeVisible();
  for (const [title, agency] of [
    ["Reduce residential burglary", templateNames[0]!],
    ["Tackle anti-social behaviour", "Keyboard Vale Youth Service"],
  ] as const) {
    await press(page, page.getByRole("link", { name: "Add a priority" }));
    await expect(heading).toHaveText("Add a priority");
    await typeInto(page, page.getByLabel("Title", { exact: true }), title);
    await chooseOption(page, page.getByLabel("Lead 1: agency"), agency);
    await press(page, page.getByRole("button", { name: "Add priority" }));
    await expect(page.getByText("Priority saved")).toBeVisible();
  }
  const numbers = page.getByRole("group", { name: "Set the numbers of all the priorities" });
  await typeInto(page, numbers.getByRole("textbox", { name: "Reduce residential burglary" }), "2");
  await typeInto(page, numbers.getByRole("textbox", { name: "Tackle anti-social behaviour" }), "1");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Priority numbers saved")).toBeVisible();
  const current = page.getByRole("table", { name: "Current priorities" });
  await expect(current.getByRole("row").nth(1)).toContainText("Tackle anti-social behaviour");
  await expect(current.getByRole("row").nth(2)).toContainText("Reduce residential burglary");
  await press(page, saveAndContinue);
  await expect(status("strategy")).toContainText("Completed");

  // A local indicator with a target.
  await press(page, taskLink("Indicators"));
  await press(page, page.getByRole("link", { name: "Create a local indicator" }));
  await expect(heading).toHaveText("Create a local indicator");
  await typeInto(page, page.getByLabel("Code (optional)"), "KV 1");
  await typeInto(page, page.getByLabel("Name", { exact: true }), "Anti-social behaviour incidents");
  await chooseRadio(page, page.getByRole("group", { name: "Unit" }), "Count");
  await chooseRadio(page, page.getByRole("group", { name: "Better when" }), "Lower is better");
  await chooseRadio(page, page.getByRole("group", { name: "Reported" }), "Monthly");
  await chooseOption(page, page.getByLabel("Lead agency (optional)"), "Keyboard Vale Youth Service");
  await chooseOption(page, page.getByLabel("Owner board (optional)"), "Safer Keyboard Vale Board");
  await tickCheckbox(page, page.getByRole("group", { name: "Priorities it measures (optional)" }).getByRole("checkbox", { name: /Tackle anti-social behaviour/ }));
  await press(page, page.getByRole("button", { name: "Add indicator" }));
  await expect(page.getByText("Indicator saved")).toBeVisible();
  await expect(heading).toHaveText("Anti-social behaviour incidents");
  await expect(page.getByRole("group", { name: "Reported" }).getByRole("radio", { name: "Monthly" })).toBeChecked();
  await chooseOption(page, page.getByLabel("Target year"), "2026/27");
  await typeInto(page, page.getByLabel(/^Target value/), "1200");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Target saved")).toBeVisible();
  await expect(page.getByText(/^2026\/27: 1,200/)).toBeVisible();
  await press(page, page.locator(".govuk-back-link"));
  await expect(page.getByRole("row", { name: /KV 1: Anti-social behaviour incidents/ })).toBeVisible();
  await press(page, saveAndContinue);
  await expect(status("indicators")).toContainText("Completed");

  // A lead officer invited.
  await press(page, taskLink("Invite lead officers"));
  await expect(heading).toHaveText("Invite someone");
  await typeInto(page, page.getByLabel("Email address"), "kay.board@police.keyboard-vale.example");
  await chooseRadio(page, page.getByRole("group", { name: "Role" }), "Agency editor");
  await chooseOption(page, page.getByLabel("Agency", { exact: true }), templateNames[0]!);
  await press(page, page.getByRole("button", { name: "Send invitation" }));
  await expect(page).toHaveURL(/invited=/);
  await press(page, saveAndContinue);
  await expect(status("invites")).toContainText("Completed");

  await expect(page.getByText("You have completed 7 of 7 tasks.")).toBeVisible();
  await press(page, page.getByRole("button", { name: "Finish set-up" }));
  await expect(heading).toHaveText("Safer Keyboard Vale Partnership");
  await expect(page.getByRole("link", { name: "1. Tackle anti-social behaviour" })).toBeVisible();
  await expect(page.getByRole("link", { name: "See all 1 indicators" })).toBeVisible();

  await page.goto("/keyboard-vale/members");
  await expect(page.getByRole("table", { name: "Invitations not yet accepted" })).toContainText("kay.board@police.keyboard-vale.example");
});
