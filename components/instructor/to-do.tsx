// The instructor's to-do list (lib/server/todo-service.ts): per current class, what waits for them, each linked to
// the page where it is done.
import { Link } from "@/components/app-link";
import { plural } from "@/lib/plural";
import type { ClassToDo, ToDoItem } from "@/lib/server/todo-service";

function itemLink(classId: string, item: ToDoItem) {
  return item.kind === "grade-debate"
    ? { href: `/instructor/classes/${classId}/debates/${item.promptId}?show=to-grade`, text: `Grade ${plural(item.count, "debate response")}: ${item.title}` }
    : { href: `/instructor/classes/${classId}/quizzes/${item.quizId}#questions-heading`, text: `Answer ${plural(item.count, "question flag")}: ${item.title}` };
}

export function ToDoList({ classes }: { classes: ClassToDo[] }) {
  return (
    <section aria-labelledby="todo-heading" className="card">
      <h2 id="todo-heading" className="text-lg font-semibold">To do</h2>
      {classes.length === 0 ? (
        <p className="mt-1 text-sm text-stone-700">Nothing is waiting: in your current classes, every debate response handed in has a grade and every question flag an answer.</p>
      ) : (
        <ul className="mt-3 space-y-4">
          {classes.map((c) => (
            <li key={c.class.id}>
              <h3 className="text-sm font-semibold text-stone-900">{c.class.name} <span className="font-normal text-stone-600">· {c.class.term}</span></h3>
              <ul className="mt-1 space-y-1 text-sm">
                {c.items.map((item) => {
                  const { href, text } = itemLink(c.class.id, item);
                  return <li key={`${item.kind}-${href}`}><Link className="link" href={href}>{text}</Link></li>;
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
