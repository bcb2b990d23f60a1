"use client";
import { Container, EmptyState } from "@/components/ui";

// `retry` fetches the page again (a brief database outage is over when it works); `reset` would only re-render
// what failed.
export default function ErrorPage({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <Container narrow>
      <EmptyState page title="This page could not be shown" action={<button type="button" className="btn-primary" onClick={() => retry()}>Try again</button>}>
        Caravan may be temporarily unavailable. Your saved work is safe. Try again in a moment.
      </EmptyState>
    </Container>
  );
}
