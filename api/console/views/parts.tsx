/** Small pieces the console pages share: an error line, a table with its header row, a labelled drop-down. */
import type { ComponentChildren } from 'preact';

/** The page's error, when there is one, announced to screen readers. */
export function ErrorNote({ error }: { error?: string }) {
  return error ? (
    <p class="alert card" role="alert">
      {error}
    </p>
  ) : null;
}

/** A table: one header cell per column name, the rows as children. */
export function Table({ head, children }: { head: string[]; children: ComponentChildren }) {
  return (
    <table>
      <thead>
        <tr>
          {head.map((name) => (
            <th>{name}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** A labelled drop-down of `options` (value, then the text shown), the `selected` value chosen. */
export function Select(props: { label: string; name: string; options: [string, string][]; selected?: string }) {
  return (
    <label>
      {props.label}{' '}
      <select name={props.name}>
        {props.options.map(([value, text]) => (
          <option value={value} selected={value === props.selected}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
