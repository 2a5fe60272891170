import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./axe";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

test("a manager schedules a meeting with an agenda and a paper; a board member sees it and adds it to their calendar", async ({ page }) => {
  await signIn(page, "manager@barnet.example");
  await page.goto("/barnet");
  await page.getByRole("navigation").getByRole("link", { name: "Meetings" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meetings");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Add a meeting" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a meeting");
  await expectNoAxeViolations(page);

  // Every problem at once, each by its field, with what was typed kept.
  await page.getByLabel("Board").selectOption({ index: 1 });
  await page.getByLabel("Day").fill("31");
  await page.getByLabel("Month").fill("2");
  await page.getByLabel("Year").fill("2030");
  await page.getByLabel("Start time").fill("25:00");
  await page.getByLabel(/Online meeting link/).fill("http://meet.example.org/board");
  await page.getByRole("button", { name: "Add meeting" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("The date of the meeting must be a real date");
  await expect(summary).toContainText("Enter a real start time on the 24-hour clock, like 18:30");
  await expect(summary).toContainText("Enter the online meeting link as a full web address starting with https://");
  await expect(page.getByLabel("Start time")).toHaveValue("25:00");
  await expectNoAxeViolations(page);

  await page.getByLabel(/Online meeting link/).fill("");
  await page.getByRole("button", { name: "Add meeting" }).click();
  await expect(summary).toContainText("Enter a place or an online meeting link");

  await page.getByLabel("Day").fill("16");
  await page.getByLabel("Month").fill("7");
  await page.getByLabel("Start time").fill("18:30");
  await page.getByLabel(/^Place/).fill("Committee Room 1, Hendon Town Hall");
  await page.getByRole("button", { name: "Add meeting" }).click();
  await expect(page.getByText("Meeting added")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meeting on 16 July 2030");
  const meetingUrl = page.url().split("?")[0]!;

  await page.getByRole("link", { name: "Add an agenda item" }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel("Item number").fill("1");
  await page.getByRole("button", { name: "Add item" }).click();
  await expect(summary).toContainText("Enter the title of the agenda item");
  await expect(page.getByLabel("Item number")).toHaveValue("1");
  await expectNoAxeViolations(page);
  await page.getByLabel("Title", { exact: true }).fill("Apologies and minutes of the last meeting");
  await page.getByRole("button", { name: "Add item" }).click();
  await expect(page.getByText("Agenda item added")).toBeVisible();

  await page.getByRole("link", { name: "Add an agenda item" }).click();
  await page.getByLabel("Item number").fill("4.1");
  await page.getByLabel("Title", { exact: true }).fill("Performance report");
  await page.getByLabel("Report of (optional)").fill("Head of Community Safety");
  await page.getByLabel("Decision sought (optional)").fill("To note performance, and agree the actions in the appendix.");
  await page.getByRole("group", { name: "Priorities it reports on (optional)" }).getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Add item" }).click();
  await expect(page.getByText("Agenda item added")).toBeVisible();
  await expect(page.locator(".app-agenda h3")).toHaveText(["1. Apologies and minutes of the last meeting", "4.1. Performance report"]);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Move down item 1" }).click();
  await expect(page.locator(".app-agenda h3")).toHaveText(["4.1. Performance report", "1. Apologies and minutes of the last meeting"]);
  await page.getByRole("button", { name: "Move up item 1" }).click();
  await expect(page.locator(".app-agenda h3")).toHaveText(["1. Apologies and minutes of the last meeting", "4.1. Performance report"]);

  await page.getByRole("link", { name: "Add a paper to item 4.1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a paper");
  await expectNoAxeViolations(page);
  await page.getByLabel("Title of the paper").fill("Performance report quarter 2");
  await page.getByLabel("File (if uploading)").setInputFiles({ name: "report.html", mimeType: "text/html", buffer: Buffer.from("<p>hi</p>") });
  await page.getByRole("button", { name: "Add paper" }).click();
  await expect(summary).toContainText("The selected file must be a PDF, Word, Excel");
  await expect(page.getByLabel("Title of the paper")).toHaveValue("Performance report quarter 2");
  await expectNoAxeViolations(page);
  await page.getByLabel("File (if uploading)").setInputFiles({ name: "performance-q2.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Add paper" }).click();
  await expect(page.getByText("Paper added")).toBeVisible();
  await expect(page.getByRole("link", { name: /Performance report quarter 2 \(PDF, 1 KB\)/ })).toBeVisible();

  // A board member sees the meeting, its agenda and the paper, and no controls.
  await page.context().clearCookies();
  await signIn(page, "board.member@barnet.example");
  await page.goto("/barnet/meetings");
  await expect(page.getByRole("link", { name: "Add a meeting" })).toHaveCount(0);
  await page.getByRole("link", { name: "16 July 2030, 6:30pm" }).click();
  await expect(page).toHaveURL(meetingUrl);
  await expect(page.locator(".app-agenda h3")).toHaveText(["1. Apologies and minutes of the last meeting", "4.1. Performance report"]);
  await expect(page.getByText("To note performance, and agree the actions in the appendix.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit the meeting" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const paperDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: /Performance report quarter 2/ }).click();
  const paper = await paperDownload;
  expect(paper.suggestedFilename()).toBe("performance-q2.pdf");
  expect((await readFile((await paper.path())!)).equals(PDF)).toBe(true);

  const calendarDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Add to calendar" }).click();
  const calendar = await calendarDownload;
  const ics = await readFile((await calendar.path())!, "utf8");
  expect(ics).toContain("BEGIN:VEVENT\r\n");
  // 18:30 in July is British Summer Time: 17:30 UTC.
  expect(ics).toContain("DTSTART:20300716T173000Z\r\n");
  expect(ics).toContain("LOCATION:Committee Room 1\\, Hendon Town Hall\r\n");
});

test("a manager records a past meeting: attendance, decisions and an action arising that joins the delivery plan", async ({ page }) => {
  await signIn(page, "manager@barnet.example");
  await page.goto("/barnet/meetings/new");
  await page.getByLabel("Board").selectOption({ index: 1 });
  await page.getByLabel("Day").fill("15");
  await page.getByLabel("Month").fill("1");
  await page.getByLabel("Year").fill("2013");
  await page.getByLabel("Start time").fill("19:00");
  await page.getByLabel(/^Place/).fill("Hendon Town Hall");
  await page.getByRole("button", { name: "Add meeting" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("The date is in the past");
  await expectNoAxeViolations(page);
  await page.getByLabel("This meeting has already happened").check();
  await page.getByRole("button", { name: "Add meeting" }).click();
  await expect(page.getByText("Recorded after the meeting was held")).toBeVisible();

  await page.getByRole("link", { name: "Add an agenda item" }).click();
  await page.getByLabel("Item number").fill("5");
  await page.getByLabel("Title", { exact: true }).fill("Strategy review");
  await page.getByRole("button", { name: "Add item" }).click();

  await page.getByRole("link", { name: "Record attendance, decisions and actions" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record the meeting");
  await expectNoAxeViolations(page);
  await page.getByLabel("5. Strategy review").fill("The board agreed the refreshed priorities.");
  await page.getByRole("button", { name: "Save attendance and decisions" }).click();
  await expect(page.getByText("The board agreed the refreshed priorities.")).toBeVisible();

  await page.getByRole("link", { name: "Record attendance, decisions and actions" }).click();
  await page.getByRole("button", { name: "Add action arising" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter the action");
  await expectNoAxeViolations(page);
  await page.getByLabel("Action", { exact: true }).fill("Report hotspot patrol results to the next meeting");
  await page.getByLabel("Priority it serves").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add action arising" }).click();
  await expect(page.getByText("Action arising added")).toBeVisible();
  await page.getByRole("button", { name: /Add to the delivery plan/ }).click();
  await expect(page.getByText("Added to the delivery plan")).toBeVisible();
  await page.getByRole("link", { name: /In the delivery plan/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Report hotspot patrol results to the next meeting");
});
