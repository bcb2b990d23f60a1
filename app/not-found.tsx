import { Link } from "@/components/app-link";
import { Container, EmptyState } from "@/components/ui";

export default function NotFound() {
  return (
    <Container narrow>
      <EmptyState page title="Page not found" action={<Link href="/" className="btn-primary">Go to the courses</Link>}>
        The page does not exist, or you do not have access to it.
      </EmptyState>
    </Container>
  );
}
