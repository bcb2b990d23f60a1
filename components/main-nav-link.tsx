"use client";
// A link of the main menu that shows where the reader is: the page itself, or a page within its section.
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { Link } from "./app-link";

export function MainNavLink({ href, section = [href], className = "", title, children }: { href: string; section?: string[]; className?: string; title?: string; children: ReactNode }) {
  const pathname = usePathname();
  const here = pathname === href;
  const within = !here && section.some((prefix) => (prefix === "/" ? pathname === "/" : pathname === prefix || pathname.startsWith(`${prefix}/`)));
  const current = here || within;
  return (
    <Link
      href={href}
      title={title}
      aria-current={here ? "page" : within ? "true" : undefined}
      className={`${className} ${current ? "font-semibold text-stone-950 underline decoration-brand-600 decoration-2 underline-offset-[6px]" : "text-stone-700 hover:text-stone-950"}`}
    >
      {children}
    </Link>
  );
}
