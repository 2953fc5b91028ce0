/** Shows a client's name followed by its code, leaving out a code that repeats the name. */
export function ClientLabel({ name, code }: { name: string; code: string }) {
  // Importers derive a code from the name when a file has none, often in lower case.
  if (code === '' || code.toLowerCase() === name.toLowerCase()) return <>{name}</>;
  return (
    <>
      {name} <span className="client-code">{code}</span>
    </>
  );
}
