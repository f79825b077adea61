import type { Block, Run } from './api.js';

/** Text runs as elements: a module's words are never read as HTML, so nothing in them can become markup. */
function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((run, i) =>
        run.strong ? <strong key={i}>{run.text}</strong> : run.em ? <em key={i}>{run.text}</em> : run.text,
      )}
    </>
  );
}

/** A module's Markdown, read by the server into blocks: headings, paragraphs and lists. */
export function ModuleText({ blocks }: { blocks: Block[] }) {
  return (
    <div className="module-text">
      {blocks.map((block, i) => {
        if (block.kind === 'heading')
          return block.level === 2 ? (
            <h2 key={i}>
              <Runs runs={block.runs} />
            </h2>
          ) : (
            <h3 key={i}>
              <Runs runs={block.runs} />
            </h3>
          );
        if (block.kind === 'paragraph')
          return (
            <p key={i}>
              <Runs runs={block.runs} />
            </p>
          );
        const items = block.items.map((item, j) => (
          <li key={j}>
            <Runs runs={item} />
          </li>
        ));
        return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
      })}
    </div>
  );
}
