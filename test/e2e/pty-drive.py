#!/usr/bin/env python3
"""Drive a command through a pseudo-terminal, for end-to-end tests of interactive prompts.

Usage: pty-drive.py SCRIPT.json -- COMMAND ARGS...
SCRIPT.json: {"cols": 80, "rows": 40, "timeout": 20,
              "steps": [{"expect": "regex", "send": "keys"}, ...]}
Each step waits until `expect` (a Python regex) matches the output printed since the previous
match (ANSI escape sequences removed), then types `send` (or, with "kill": true, sends SIGKILL). After the steps it waits for the
process to exit. Prints one JSON object: {"code": exit code or -signal, "output": cleaned output,
"failed": null or the step that timed out, "marks": per matched step, when it matched: ms since the
start and the command's CPU so far in ms (Linux; null elsewhere)}. Only the standard library is used (no native build).
"""
import json, os, pty, re, select, signal, struct, sys, time, fcntl, termios

ANSI = re.compile(r'\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]')

def main():
    sep = sys.argv.index('--')
    with open(sys.argv[1], encoding='utf-8') as f:
        script = json.load(f)
    argv = sys.argv[sep + 1:]
    cols, rows = script.get('cols', 80), script.get('rows', 40)
    timeout = script.get('timeout', 20)
    started = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    raw = b''
    seen = 0          # cleaned-output offset of the last match
    failed = None

    def read(wait):
        nonlocal raw
        r, _, _ = select.select([fd], [], [], wait)
        if not r:
            return True
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        raw += chunk
        return True

    def cpu_ms():
        try:
            with open(f'/proc/{pid}/stat') as f:
                fields = f.read().rsplit(')', 1)[1].split()
            return (int(fields[11]) + int(fields[12])) * 1000 // os.sysconf('SC_CLK_TCK')
        except (OSError, ValueError, IndexError):
            return None

    marks = []

    def clean():
        return ANSI.sub('', raw.decode('utf-8', 'replace')).replace('\r', '')

    alive = True
    for i, step in enumerate(script['steps']):
        deadline = time.time() + timeout
        pattern = re.compile(step['expect'])
        while True:
            m = pattern.search(clean(), seen)
            if m:
                seen = m.end()
                marks.append({'step': i, 'ms': round((time.monotonic() - started) * 1000), 'cpuMs': cpu_ms()})
                break
            if not alive or time.time() > deadline:
                failed = {'step': i, 'expect': step['expect']}
                break
            alive = read(0.1)
        if failed:
            break
        # The prompt attaches its key handler in the same tick that prints it, so the keys could
        # follow at once; a short pause keeps the transcript in the order a person types.
        time.sleep(step.get('delay', 0.03))
        if step.get('kill'):
            os.kill(pid, signal.SIGKILL)
            break
        os.write(fd, step.get('send', '').encode('utf-8'))
    if failed:
        os.kill(pid, signal.SIGKILL)
    deadline = time.time() + timeout
    while alive and time.time() < deadline:
        alive = read(0.1)
    code = None
    try:
        _, status = os.waitpid(pid, 0 if not alive else os.WNOHANG)
        if status or not alive:
            code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)
    except ChildProcessError:
        pass
    if code is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        failed = failed or {'step': 'exit', 'expect': 'the process to exit'}
    print(json.dumps({'code': code, 'output': clean(), 'failed': failed, 'marks': marks}, ensure_ascii=False))

main()
