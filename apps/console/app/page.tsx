// The console arrives with its own issue; this page marks where it will live.
export default function HomePage() {
  return (
    <main>
      <h1>Shardline</h1>
      <p>The console is not built yet. The delivery engine runs with `npm start`.</p>
    </main>
  );
}
