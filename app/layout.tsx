import type { Metadata, Viewport } from "next";
import { Link } from "@/components/app-link";
import { MainNavLink } from "@/components/main-nav-link";
import { unstable_rethrow } from "next/navigation";
import "./globals.css";
import { getSessionUser } from "@/lib/server/auth";
import { SignOutButton } from "@/components/sign-out-button";
import { FocusKeeper } from "@/components/focus-keeper";
import { cookies } from "next/headers";
import { ViewerTimeZone } from "@/components/viewer-time-zone";
import { TIME_ZONE_COOKIE } from "@/components/time-zone-cookie";
import { isTimeZone } from "@/lib/domain/calendar";

export const metadata: Metadata = {
  title: { default: "Caravan", template: "%s · Caravan" },
  description: "Reading-based course modules: lessons, comprehension quizzes and debate prompts.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

async function currentUser() {
  try {
    return await getSessionUser();
  } catch (error) {
    unstable_rethrow(error);
    return null;
  }
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  const reportedZone = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">Skip to content</a>
        <header className="border-b border-stone-200 bg-white print:hidden">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
            <Link href="/" className="flex items-center gap-2 font-serif text-xl font-semibold text-brand-800">
              <span aria-hidden="true" className="inline-block h-6 w-6 rounded bg-brand-700" />
              Caravan
            </Link>
            <nav aria-label="Main" className="flex flex-wrap print:hidden items-center gap-x-4 gap-y-1 text-sm">
              <MainNavLink href="/" section={["/", "/courses", "/attempts", "/search"]}>Courses</MainNavLink>
              {user ? (
                <>
                  {user.role === "INSTRUCTOR" ? (
                    <MainNavLink href="/instructor">Teaching</MainNavLink>
                  ) : (
                    <MainNavLink href="/classes/join">Join a class</MainNavLink>
                  )}
                  <MainNavLink href="/progress">My progress</MainNavLink>
                  <MainNavLink href="/review">Review</MainNavLink>
                  <MainNavLink href="/calendar">Calendar</MainNavLink>
                  <MainNavLink href="/account" className="sm:hidden">Account</MainNavLink>
                  <MainNavLink href="/account" className="hidden sm:inline" title={`${user.email}: your account`}>{user.name}{user.role === "INSTRUCTOR" ? " · instructor" : ""}</MainNavLink>
                  <SignOutButton />
                </>
              ) : (
                <>
                  <Link href="/signin" className="text-stone-700 hover:text-stone-950">Sign in</Link>
                  <Link href="/signup" className="btn-primary py-1.5">Sign up</Link>
                </>
              )}
            </nav>
          </div>
        </header>
        <main id="main" className="flex-1"><ViewerTimeZone zone={reportedZone && isTimeZone(reportedZone) ? reportedZone : null}>{children}</ViewerTimeZone></main>
        <FocusKeeper />
        <footer className="border-t border-stone-200 py-6 print:hidden text-center text-xs text-stone-500">Caravan · open-source course modules from readings</footer>
      </body>
    </html>
  );
}
