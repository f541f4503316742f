#!/usr/bin/env python3
"""bench/mix's helper: the users, the sign-ins, the pages each may open, the
writer, one page alone, and the table. Standard library only.

  mix.py users BIN N WORK             create N users (DATABASE_URL)
  mix.py prepare BASE WORK MEETINGS PAGES
  mix.py write BASE WORK RATE         real writes until SIGINT
  mix.py alone BASE WORK              median ms of 100 sequential meeting pages
  mix.py table WORK SESSIONS WRITES DURATION PAGES CACHE
"""
import html.parser, http.client, json, os, random, re, signal, statistics
import subprocess, sys, time, urllib.parse, uuid

PASSWORD = "mix-benchmark-password"
DEMO_PASSWORD = "sidhanto-demo"
SEARCHES = ["পরিবীক্ষণ কমিটি", "সিটিজেন চার্টার", "জেলা", "অগ্রগতি", "সেবা প্রদান"]
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def sql(query):
    """Rows of a query on DATABASE_URL (SQLite or PostgreSQL), as text."""
    url = os.environ["DATABASE_URL"]
    if url.startswith("sqlite"):
        path = url.split("://", 1)[1].split("?", 1)[0]
        out = subprocess.run(["sqlite3", "-separator", "\t", path, query], capture_output=True, text=True, check=True).stdout
    else:
        out = subprocess.run(["psql", "-AtqF", "\t", url, "-c", query], capture_output=True, text=True, check=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def as_uuid(text):
    """A uuid whether stored as text or (SQLite) as a blob shown in hex."""
    return str(uuid.UUID(text))


def id_sql(column):
    return f"lower(hex({column}))" if os.environ["DATABASE_URL"].startswith("sqlite") else column


def users(bin_path, n, work):
    """Users of every role, spread over the divisions and district offices."""
    divisions = [as_uuid(r[0]) for r in sql(f"SELECT {id_sql('id')} FROM offices WHERE code LIKE '%-division' ORDER BY code")]
    districts = [as_uuid(r[0]) for r in sql(f"SELECT {id_sql('id')} FROM offices WHERE code LIKE 'dc-%' ORDER BY code")]
    names = []
    for i in range(int(n)):
        role, office, below = [
            ("viewer", divisions[i % len(divisions)], True),
            ("implementer", districts[i % len(districts)], False),
            ("secretary", divisions[i % len(divisions)], False),
            ("admin", divisions[i % len(divisions)], True),
        ][i % 4]
        name = f"mix{i}"
        args = [bin_path, "create-user", "--username", name, "--name", f"Mix {i}", "--role", role, "--office", office]
        if below:
            args.append("--include-below")
        subprocess.run(args, input=PASSWORD + "\n", capture_output=True, text=True, check=True, env={**os.environ, "RUST_LOG": "warn"})
        names.append(name)
    with open(os.path.join(work, "users.txt"), "w") as f:
        f.write("\n".join(names) + "\n")


class Client:
    """One person's browser: their own loopback address and cookie."""

    def __init__(self, base, address="127.0.0.1"):
        url = urllib.parse.urlsplit(base)
        self.host, self.port, self.address, self.cookie = url.hostname, url.port, address, ""
        self.location = ""

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30, source_address=(self.address, 0))
        h = {"Sec-Fetch-Site": "same-origin", **(headers or {})}
        if self.cookie:
            h["Cookie"] = self.cookie
        conn.request(method, path, body=body, headers=h)
        res = conn.getresponse()
        data = res.read()
        self.location = res.headers.get("Location") or ""
        for value in res.headers.get_all("Set-Cookie") or []:
            if value.startswith("sidhanto_session="):
                self.cookie = value.split(";", 1)[0]
        conn.close()
        return res.status, data.decode("utf-8", "replace")

    def login(self, username, password):
        body = urllib.parse.urlencode({"username": username, "password": password})
        status, _ = self.request("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded"})
        if status not in (200, 303) or not self.cookie:
            sys.exit(f"mix: {username} could not sign in (HTTP {status})")
        return self.cookie


def prepare(base, work, meetings, pages):
    """requests.tsv: kind, cookie, path — every page each session may open."""
    weights = dict(p.split("=") for p in pages.split())
    ids = [as_uuid(r[0]) for r in sql(
        f"SELECT {id_sql('id')} FROM meetings WHERE status = 'issued' ORDER BY held_on DESC LIMIT {int(meetings)}")]
    rows = []
    names = open(os.path.join(work, "users.txt")).read().split()
    for i, name in enumerate(names):
        client = Client(base, f"127.0.1.{i + 1}")
        cookie = client.login(name, PASSWORD)
        rows += [("meeting", cookie, f"/meetings/{m}") for m in ids]
        rows += [("dashboard", cookie, "/dashboard"), ("my", cookie, "/my")]
        rows += [("search", cookie, "/search?q=" + urllib.parse.quote(q)) for q in SEARCHES]
        _, my = client.request("GET", "/my")
        owed = sorted(set(re.findall(rf'href="(/assignments/{UUID})"', my)))[:10]
        rows += [("assignment", cookie, a) for a in owed]
    # Every kind asked for exists, and a sample of the pages answers 200.
    kinds = {k for k, _, _ in rows}
    for kind in weights:
        if kind not in kinds:
            sys.exit(f"mix: no page of kind {kind!r} for these users")
    for kind, cookie, path in random.Random(1).sample(rows, 40):
        c = Client(base)
        c.cookie = cookie
        status, _ = c.request("GET", path)
        if status != 200:
            sys.exit(f"mix: {path} answered {status} to a signed-in user")
    with open(os.path.join(work, "requests.tsv"), "w") as f:
        for kind, cookie, path in rows:
            f.write(f"{kind}\t{weights.get(kind, 0)}\t{cookie}\t{path}\n")
    _, page = Client(base).request("GET", "/login")
    css = re.search(r'href="(/pkg/[^"]+\.css)"', page)
    open(os.path.join(work, "static.txt"), "w").write(css.group(1) if css else "/pkg/sidhanto.css")


class Form(html.parser.HTMLParser):
    """The fields of the editor's form, as a browser would post them."""

    def __init__(self):
        super().__init__()
        self.fields, self.inside, self.text, self.select = [], False, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and "editor" in (a.get("class") or "").split():
            self.inside = True
        if not self.inside or "name" not in a and tag != "option":
            return
        if tag == "input" and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.fields.append([a["name"], a.get("value") or ""])
        elif tag == "textarea":
            self.text = [a["name"], ""]
        elif tag == "select":
            self.select = [a["name"], None]
        elif tag == "option" and self.select is not None:
            if self.select[1] is None or "selected" in a:
                self.select[1] = a.get("value") or ""

    def handle_data(self, data):
        if self.text is not None:
            self.text[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.text is not None:
            self.fields.append(self.text)
            self.text = None
        elif tag == "select" and self.select is not None:
            self.fields.append([self.select[0], self.select[1] or ""])
            self.select = None


def write(base, work, rate):
    """Draft saves (the secretary's autosave) and progress reports (a
    district office), alternating, RATE a second, until SIGINT."""
    secretary, office = Client(base, "127.0.0.2"), Client(base, "127.0.0.3")
    secretary.login("secretary", DEMO_PASSWORD)
    office.login("dc.dinajpur", DEMO_PASSWORD)
    _, page = secretary.request("GET", "/meetings/new")
    form = Form()
    form.feed(page)
    fields = [f for f in form.fields if f[0] != "op"]
    required = {"title": "মিশ্র ভারের খসড়া সভা", "venue": "সম্মেলন কক্ষ",
                "chair.name": "মো: হাবিবুর রহমান", "chair.designation": "বিভাগীয় কমিশনার"}
    for f in fields:
        if f[0] in required and not f[1]:
            f[1] = required[f[0]]
    json_post = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
    status, answer = secretary.request("POST", "/meetings/new", urllib.parse.urlencode([tuple(f) for f in fields]), json_post)
    if status != 200:
        sys.exit(f"mix: the new draft was refused ({status}): {answer[:300]}")
    draft = json.loads(answer)
    # What the office may still report progress on (done and verified work
    # is refused, rightly: that would measure refusals).
    open_ = ", ".join(f"'{p}'" for p in ("not_started", "in_progress", "returned"))
    owed = [f"/assignments/{as_uuid(r[0])}" for r in sql(
        f"SELECT {id_sql('a.id')} FROM assignments a JOIN offices o ON o.id = a.office_id "
        f"WHERE o.code = 'dc-dinajpur' AND a.status IN ({open_}) ORDER BY a.id")]
    if not owed:
        sys.exit("mix: dc.dinajpur owes nothing to report on")
    written = refused = 0
    stop = []
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    start, n = time.monotonic(), 0
    while not stop:
        n += 1
        if n % 2:
            for f in fields:
                if f[0] == "version":
                    f[1] = str(draft["version"])
                if f[0] == "venue":
                    f[1] = f"সম্মেলন কক্ষ {n}"
            status, answer = secretary.request(
                "POST", f"/meetings/{draft['id']}/edit", urllib.parse.urlencode([tuple(f) for f in fields]), json_post)
            if status == 200:
                draft = json.loads(answer)
        else:
            boundary = "mixboundary"
            body = "".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
                           for k, v in [("status", "in_progress"), ("note", f"অগ্রগতি {n}")]) + f"--{boundary}--\r\n"
            status, _ = office.request("POST", f"{owed[n % len(owed)]}/progress", body.encode(),
                                       {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        # A refused report also answers 303, back to its page with the error.
        if status == 200 or (status == 303 and "error=" not in office.location):
            written += 1
        else:
            refused += 1
        time.sleep(max(0.0, start + n / float(rate) - time.monotonic()))
    print(f"written={written} write_errors={refused}")


def alone(base, work):
    """Meeting pages one after another, each a page this session has not
    asked for since the last write (so not the page cache's copy): the
    median ms of 100. Over one connection, kept open as a browser keeps
    it: a new connection for each page cost the client 0.4-0.7 ms here."""
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(work, "requests.tsv")) if l.startswith("meeting")]
    cookie = rows[0][2]
    paths = [path for _, _, c, path in rows if c == cookie]
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    headers = {"Sec-Fetch-Site": "same-origin", "Cookie": cookie}
    times = []
    for i in range(100):
        path = paths[i % len(paths)]
        t = time.perf_counter()
        conn.request("GET", path, headers=headers)
        res = conn.getresponse()
        res.read().decode("utf-8", "replace")  # as Client does, so the times compare
        times.append((time.perf_counter() - t) * 1000)
        if res.status != 200:
            sys.exit(f"mix: {path} answered {res.status}")
    conn.close()
    print(f"{statistics.median(times):.2f}")


def table(work, sessions, writes, duration, pages, cache):
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(work, "rows.tsv")) if l.strip()]
    alone_ms = {(r[0], r[1]): r[2] for r in (l.rstrip("\n").split("\t") for l in open(os.path.join(work, "alone.tsv")) if l.strip())}
    print(f"{sessions} signed-in sessions, 64 connections, {duration}; pages {pages}; "
          f"writer {writes}/s (draft saves and progress reports); page cache {cache}.")
    print()
    print("| database | decisions | req/s | p50 ms | p95 ms | p99 ms | errors | writes (refused) | static req/s | meeting alone ms | peak RSS | peak anonymous RSS | cache hits |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for b, s, rps, p50, p95, p99, err, w, we, static, rss, hits, anon in rows:
        print(f"| {b} | {int(s):,} | {float(rps):,.0f} | {p50} | {p95} | {p99} | {err} | {w} ({we}) | "
              f"{float(static or 0):,.0f} | {alone_ms.get((b, s), '-')} | {int(rss) / 1024:.0f} MB | {int(anon or 0) / 1024:.0f} MB | {hits} |")
    by = {(r[0], r[1]): r for r in rows}
    sizes = list(dict.fromkeys(r[1] for r in rows))
    if len(sizes) > 1:
        print()
        for b in dict.fromkeys(r[0] for r in rows):
            lo, hi = by.get((b, sizes[0])), by.get((b, sizes[-1]))
            if lo and hi:
                print(f"{b}: p95 grows {float(hi[4]) / float(lo[4]):.2f}× from {int(sizes[0]):,} to {int(sizes[-1]):,} decisions.")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"users": users, "prepare": prepare, "write": write, "alone": alone, "table": table}[command](*args)
