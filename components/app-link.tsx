"use client";
// next/link without viewport prefetching. Every page here is rendered per user on demand, so prefetching each
// link that scrolls into view cost the server a render per link per page view (14 on a lesson page, in a
// class of 300 opening the same page at once) and the browser long tasks while it loaded. A link is
// prefetched when the reader shows intent instead: pointer over it, keyboard focus on it, or a touch.
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

// `noPrefetch`: a page whose rendering records that it was seen (a class's announcements are then read) is fetched
// only when followed.
export function Link({ href, onMouseEnter, onFocus, onTouchStart, noPrefetch = false, ...props }: ComponentProps<typeof NextLink> & { noPrefetch?: boolean }) {
  const router = useRouter();
  const path = typeof href === "string" && href.startsWith("/") && !noPrefetch ? href : null;
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
