"use client";
// next/link without viewport prefetching. Every page here is rendered per user on demand, so prefetching each
// link that scrolls into view cost the server a render per link per page view (14 on a lesson page, in a
// class of 300 opening the same page at once) and the browser long tasks while it loaded. A link is
// prefetched when the reader shows intent instead: pointer over it, keyboard focus on it, or a touch.
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

export function Link({ href, onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const router = useRouter();
  const path = typeof href === "string" && href.startsWith("/") ? href : null;
  const prefetch = () => {
    if (path) router.prefetch(path);
  };
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => { prefetch(); onMouseEnter?.(event); }}
      onFocus={(event) => { prefetch(); onFocus?.(event); }}
      onTouchStart={(event) => { prefetch(); onTouchStart?.(event); }}
    />
  );
}
