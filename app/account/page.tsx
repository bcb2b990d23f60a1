import type { Metadata } from "next";
import { Container, PageHeader } from "@/components/ui";
import { ChangeNameForm } from "@/components/change-name-form";
import { ChangePasswordForm } from "@/components/change-password-form";
import { EndSessionsForm } from "@/components/end-sessions-form";
import { CalendarFeedSetting } from "@/components/calendar-feed-setting";
import { TimeZoneSetting } from "@/components/time-zone-setting";
import { LocalTime } from "@/components/local-time";
import { requirePageUser } from "@/lib/server/page";
import { passwordResetsUsed } from "@/lib/server/password-reset-service";
import { timeZoneOf } from "@/lib/server/account-settings";
import { db } from "@/lib/server/db";
import { REVIEW_DAY_STARTS_AT_HOUR } from "@/lib/domain/review-schedule";
import { optionFor, timeZoneChoices } from "@/lib/domain/time-zone-choices";
import { calendarPath, calendarTokenOf } from "@/lib/server/calendar-service";
import { env } from "@/lib/server/env";
import { headers } from "next/headers";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const [resets, timeZone, calendarToken] = await Promise.all([passwordResetsUsed(user.id), timeZoneOf(db(), user.id), calendarTokenOf(user.id)]);
  const timeZones = timeZoneChoices(Intl.supportedValuesOf("timeZone"), new Date());
  return (
    <Container narrow>
      <PageHeader title="Your account">{user.name} · {user.email} · {user.role === "INSTRUCTOR" ? "instructor" : "student"}</PageHeader>
      <section aria-labelledby="name-heading" className="card max-w-md">
        <h2 id="name-heading" className="mb-3 text-lg font-semibold">Your name</h2>
        <ChangeNameForm current={user.name} />
      </section>
      <section aria-labelledby="password-heading" className="card mt-6 max-w-md">
        <h2 id="password-heading" className="mb-3 text-lg font-semibold">Change your password</h2>
        <ChangePasswordForm />
        {resets.length > 0 && (
          <div className="mt-4 border-t border-stone-200 pt-3 text-sm text-stone-700">
            <p className="font-medium">Set through an instructor&rsquo;s reset link</p>
            <ul className="mt-1 space-y-1">
              {resets.map((r, i) => <li key={i}><LocalTime iso={r.usedAt!.toISOString()} /> — link from {r.issuedBy.name} ({r.class.name})</li>)}
            </ul>
            <p className="mt-1 text-stone-600">If you did not do this, change your password now and tell your instructor.</p>
          </div>
        )}
      </section>
      <section aria-labelledby="sessions-heading" className="card mt-6 max-w-md">
        <h2 id="sessions-heading" className="mb-1 text-lg font-semibold">Signed in somewhere else?</h2>
        <p className="mb-3 text-sm text-stone-700">On a shared computer or a lost phone, sign out every other browser where you are signed in. Changing your password does this too.</p>
        <EndSessionsForm />
        {calendarToken && <p className="mt-3 text-xs text-stone-600">Your calendar’s address for your due dates is not a sign-in and keeps working: if someone else may have it, give it a new one under “Due dates in your calendar”.</p>}
      </section>
      <section aria-labelledby="time-zone-heading" className="card mt-6 max-w-md">
        <h2 id="time-zone-heading" className="mb-1 text-lg font-semibold">Time zone</h2>
        <TimeZoneSetting current={timeZone} currentOption={timeZone && optionFor(timeZone, timeZones)} choices={timeZones} dayStartsAtHour={REVIEW_DAY_STARTS_AT_HOUR} />
      </section>
      <section aria-labelledby="calendar-heading" className="card mt-6 max-w-md">
        <h2 id="calendar-heading" className="mb-1 text-lg font-semibold">Due dates in your calendar</h2>
        <p className="mb-3 text-sm text-stone-700">
          {user.role === "INSTRUCTOR" ? "Your classes’ due dates" : "The due dates of your classes’ assignments (your own, with any extension)"} in Google Calendar, Outlook or
          Apple Calendar: subscribe to this address and your calendar keeps itself up to date (each app checks on its own
          schedule, from every few hours to once a day).
        </p>
        <CalendarFeedSetting feedId={calendarToken} path={calendarToken ? calendarPath(calendarToken) : null} siteOrigin={await siteOrigin()} />
      </section>
      <section aria-labelledby="data-heading" className="card mt-6 max-w-md">
        <h2 id="data-heading" className="mb-1 text-lg font-semibold">Your data</h2>
        <p className="mb-3 text-sm text-stone-700">Everything Caravan keeps about your account, in one JSON file: your classes, lessons, quiz attempts and answers, debate responses and feedback, and review practice.</p>
        <a className="btn-secondary" href="/api/account/export" download>Download my data</a>
      </section>
    </Container>
  );
}

/** The site's address as configured, else as this request reached it; the browser's own replaces it once the script runs. */
async function siteOrigin(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const sent = await headers();
  return `${sent.get("x-forwarded-proto")?.split(",")[0].trim() === "https" ? "https" : "http"}://${sent.get("host") ?? "localhost"}`;
}
