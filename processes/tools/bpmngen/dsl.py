# Small generator: semantic BPMN + diagram interchange from a grid layout.
from xml.sax.saxutils import quoteattr, escape

COL = 170
ROW = 140
X0 = 80
Y0 = 80

SIZES = {
    'event': (36, 36),
    'gateway': (50, 50),
    'task': (110, 80),
}

LISTENER_EVENTS = ['creating', 'assigning', 'completing', 'canceling']


def q(s):
    return quoteattr(s)


class Node:
    def __init__(self, proc, id, kind, name, pos, scope, **kw):
        self.proc = proc
        self.id = id
        self.kind = kind  # startEvent, endEvent, serviceTask, ...
        self.name = name
        self.pos = pos
        self.scope = scope
        self.kw = kw
        self.incoming = []
        self.outgoing = []
        self.boundaries = []
        self.children = []  # for subprocess
        self.bounds = None

    @property
    def shape(self):
        if self.kind in ('startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent',
                         'boundaryEvent'):
            return 'event'
        if self.kind.endswith('Gateway'):
            return 'gateway'
        return 'task'


class Process:
    def __init__(self, id, name, doc):
        self.id = id
        self.name = name
        self.doc = doc
        self.nodes = {}
        self.order = []
        self.flows = []
        self.messages = {}  # key -> (id, name, corr)
        self.errors = {}
        self.scope_stack = [None]

    # ---- element factories
    def _add(self, id, kind, name, pos, **kw):
        assert id not in self.nodes, id
        n = Node(self, id, kind, name, pos, self.scope_stack[-1], **kw)
        self.nodes[id] = n
        self.order.append(n)
        if n.scope is not None:
            self.nodes[n.scope].children.append(n)
        return n

    def start(self, id, name, pos, message=None, timer=None, outputs=None):
        return self._add(id, 'startEvent', name, pos, message=message, timer=timer, outputs=outputs or [])

    def end(self, id, name, pos, error=None, terminate=False):
        return self._add(id, 'endEvent', name, pos, error=error, terminate=terminate)

    def service(self, id, name, type, pos, inputs=None, outputs=None, headers=None, kind='serviceTask'):
        return self._add(id, kind, name, pos, type=type, inputs=inputs or [], outputs=outputs or [],
                         headers=headers or {})

    def send(self, id, name, type, pos, **kw):
        return self.service(id, name, type, pos, kind='sendTask', **kw)

    def user(self, id, name, form, groups, sla, pos, inputs=None, outputs=None, mi=None):
        return self._add(id, 'userTask', name, pos, form=form, groups=groups, sla=sla,
                         inputs=inputs or [], outputs=outputs or [], mi=mi)

    def call(self, id, name, pos, inputs, outputs, process='informeer-gezagen', mi=None):
        return self._add(id, 'callActivity', name, pos, process=process, inputs=inputs, outputs=outputs, mi=mi)

    def xgw(self, id, name, pos):
        return self._add(id, 'exclusiveGateway', name, pos)

    def pgw(self, id, name, pos):
        return self._add(id, 'parallelGateway', name, pos)

    def egw(self, id, name, pos):
        return self._add(id, 'eventBasedGateway', name, pos)

    def catch_msg(self, id, name, pos, message, corr, outputs=None, inputs=None):
        return self._add(id, 'intermediateCatchEvent', name, pos, message=message, corr=corr,
                         inputs=inputs or [], outputs=outputs or [])

    def catch_timer(self, id, name, pos, timer):
        return self._add(id, 'intermediateCatchEvent', name, pos, timer=timer, outputs=[])

    def throw_msg(self, id, name, pos, type, inputs=None, outputs=None, headers=None):
        return self._add(id, 'intermediateThrowEvent', name, pos, type=type, inputs=inputs or [],
                         outputs=outputs or [], headers=headers or {})

    def boundary(self, id, name, host, slot, timer=None, message=None, corr=None, error=None,
                 interrupting=True, outputs=None):
        n = self._add(id, 'boundaryEvent', name, None, host=host, slot=slot, timer=timer, message=message,
                      corr=corr, error=error, interrupting=interrupting, outputs=outputs or [])
        self.nodes[host].boundaries.append(n)
        return n

    def sub(self, id, name, inputs=None, outputs=None, mi=None, pad=(0.55, 0.55, 0.55, 0.55)):
        n = self._add(id, 'subProcess', name, None, inputs=inputs or [], outputs=outputs or [], mi=mi, pad=pad)
        proc = self

        class Ctx:
            def __enter__(self_inner):
                proc.scope_stack.append(id)
                return n

            def __exit__(self_inner, *a):
                proc.scope_stack.pop()
        return Ctx()

    def flow(self, src, tgt, name=None, cond=None, default=False, id=None, route=None):
        fid = id or f"Flow_{src}_{tgt}"
        assert all(f['id'] != fid for f in self.flows), fid
        f = dict(id=fid, src=src, tgt=tgt, name=name, cond=cond, default=default, route=route)
        self.flows.append(f)
        self.nodes[src].outgoing.append(fid)
        self.nodes[tgt].incoming.append(fid)
        return f

    def chain(self, *ids):
        for a, b in zip(ids, ids[1:]):
            self.flow(a, b)

    def message(self, name, corr=None):
        key = (name, corr)
        if key not in self.messages:
            idx = len(self.messages) + 1
            mid = 'Bericht_' + name.replace('knooppunt.', '').replace('.', '_').replace('-', '_')
            if corr is None:
                mid += '_start'
            self.messages[key] = (mid, name, corr)
        return self.messages[key][0]

    def error(self, code, name):
        if code not in self.errors:
            self.errors[code] = ('Fout_' + code, name, code)
        return self.errors[code][0]

    # ---- layout
    x0 = X0
    y0 = Y0

    def layout(self):
        self._layout()
        minx = min(n.bounds[0] for n in self.order)
        miny = min(n.bounds[1] for n in self.order)
        self.x0 += 60 - minx
        self.y0 += 60 - miny
        self._layout()

    def _layout(self):
        def center(pos):
            return self.x0 + pos[0] * COL, self.y0 + pos[1] * ROW

        for n in self.order:
            if n.kind in ('subProcess', 'boundaryEvent'):
                continue
            w, h = SIZES[n.shape]
            cx, cy = center(n.pos)
            n.bounds = (cx - w / 2, cy - h / 2, w, h)
        # subprocesses: innermost first
        subs = [n for n in self.order if n.kind == 'subProcess']

        def depth(n):
            d = 0
            s = n.scope
            while s:
                d += 1
                s = self.nodes[s].scope
            return d
        for s in sorted(subs, key=depth, reverse=True):
            xs = []
            ys = []
            for c in s.children:
                if c.kind == 'boundaryEvent':
                    continue
                x, y, w, h = c.bounds
                xs += [x, x + w]
                ys += [y, y + h]
            pl, pt, pr, pb = s.kw['pad']
            x1 = min(xs) - pl * COL / 1.6
            x2 = max(xs) + pr * COL / 1.6
            y1 = min(ys) - pt * ROW / 1.6
            y2 = max(ys) + pb * ROW / 1.6
            s.bounds = (x1, y1, x2 - x1, y2 - y1)
        for n in self.order:
            if n.kind != 'boundaryEvent':
                continue
            host = self.nodes[n.kw['host']]
            hx, hy, hw, hh = host.bounds
            slot = n.kw['slot']  # fraction along bottom edge
            cx = hx + hw * slot
            cy = hy + hh
            n.bounds = (cx - 18, cy - 18, 36, 36)

    def route(self, f):
        s = self.nodes[f['src']]
        t = self.nodes[f['tgt']]
        sx, sy, sw, sh = s.bounds
        tx, ty, tw, th = t.bounds
        scx, scy = sx + sw / 2, sy + sh / 2
        tcx, tcy = tx + tw / 2, ty + th / 2
        r = f['route']
        if isinstance(r, list):
            pts = [(self.x0 + a * COL, self.y0 + b * ROW) for a, b in r]
            first = self._exit(s, pts[0])
            last = self._enter(t, pts[-1])
            if abs(first[0] - pts[0][0]) > 0.5 and abs(first[1] - pts[0][1]) > 0.5:
                vertical = first[1] in (s.bounds[1], s.bounds[1] + s.bounds[3])
                pts.insert(0, (first[0], pts[0][1]) if vertical else (pts[0][0], first[1]))
            if abs(last[0] - pts[-1][0]) > 0.5 and abs(last[1] - pts[-1][1]) > 0.5:
                vertical = last[1] in (t.bounds[1], t.bounds[1] + t.bounds[3])
                pts.append((last[0], pts[-1][1]) if vertical else (pts[-1][0], last[1]))
            return [first] + pts + [last]
        if r == 'loop-below' or r == 'loop-above':
            below = r == 'loop-below'
            ly = (max(sy + sh, ty + th) + 45) if below else (min(sy, ty) - 45)
            if isinstance(f.get('loopy'), (int, float)):
                ly = f['loopy']
            a = (scx, sy + sh if below else sy)
            b = (tcx, ty + th if below else ty)
            return [a, (scx, ly), (tcx, ly), b]
        if s.kind == 'boundaryEvent':
            a = (scx, sy + sh)
            if abs(tcx - scx) < 2:
                return [a, (tcx, ty)]
            return [a, (scx, tcy), (tx, tcy)]
        if abs(scy - tcy) < 2:
            return [(sx + sw, scy), (tx, tcy)]
        if s.shape == 'gateway' and len(s.outgoing) > 1:
            a = (scx, sy + sh) if tcy > scy else (scx, sy)
            return [a, (scx, tcy), (tx, tcy)]
        if t.shape == 'gateway':
            b = (tcx, ty) if scy < tcy else (tcx, ty + th)
            return [(sx + sw, scy), (tcx, scy), b]
        mx = (sx + sw + tx) / 2
        return [(sx + sw, scy), (mx, scy), (mx, tcy), (tx, tcy)]

    def _exit(self, n, p):
        x, y, w, h = n.bounds
        px, py = p
        if n.kind == 'boundaryEvent':
            return (x + w / 2, y + h)
        if abs(py - (y + h / 2)) < 2 and px > x + w:
            return (x + w, y + h / 2)
        if px > x + w and y <= py <= y + h:
            return (x + w, py)
        if px < x and y <= py <= y + h:
            return (x, py)
        if py > y + h:
            return (px if x <= px <= x + w else x + w / 2, y + h)
        if py < y:
            return (px if x <= px <= x + w else x + w / 2, y)
        return (x + w, y + h / 2)

    def _enter(self, n, p):
        x, y, w, h = n.bounds
        px, py = p
        if px < x and y <= py <= y + h:
            return (x, py)
        if py > y + h:
            return (px if x <= px <= x + w else x + w / 2, y + h)
        if py < y:
            return (px if x <= px <= x + w else x + w / 2, y)
        return (x, y + h / 2)

    # ---- XML
    def xml(self):
        self.layout()
        out = []
        w = out.append
        w('<?xml version="1.0" encoding="UTF-8"?>')
        w('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
          'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
          'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
          'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" '
          'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" '
          'xmlns:modeler="http://camunda.org/schema/modeler/1.0" '
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          f'id="Definities_{self.id.replace("-", "_")}" targetNamespace="https://knooppunt.nl/bpmn" '
          'exporter="Knooppunt" exporterVersion="1.0" '
          'modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">')
        w(f'  <bpmn:process id={q(self.id)} name={q(self.name)} isExecutable="true">')
        w(f'    <bpmn:documentation>{escape(self.doc)}</bpmn:documentation>')
        self._emit_scope(None, w, '    ')
        w('  </bpmn:process>')
        for (mid, name, corr) in self.messages.values():
            if corr:
                w(f'  <bpmn:message id={q(mid)} name={q(name)}><bpmn:extensionElements>'
                  f'<zeebe:subscription correlationKey={q(corr)} /></bpmn:extensionElements></bpmn:message>')
            else:
                w(f'  <bpmn:message id={q(mid)} name={q(name)} />')
        for (eid, name, code) in self.errors.values():
            w(f'  <bpmn:error id={q(eid)} name={q(name)} errorCode={q(code)} />')
        # DI
        w(f'  <bpmndi:BPMNDiagram id="Diagram_{self.id.replace("-", "_")}">')
        w(f'    <bpmndi:BPMNPlane id="Vlak_{self.id.replace("-", "_")}" bpmnElement={q(self.id)}>')
        ordered = [n for n in self.order if n.kind == 'subProcess'] + \
                  [n for n in self.order if n.kind not in ('subProcess', 'boundaryEvent')] + \
                  [n for n in self.order if n.kind == 'boundaryEvent']
        for n in ordered:
            x, y, ww, hh = n.bounds
            extra = ''
            if n.kind == 'subProcess':
                extra = ' isExpanded="true"'
            if n.kind == 'exclusiveGateway':
                extra = ' isMarkerVisible="true"'
            w(f'      <bpmndi:BPMNShape id="{n.id}_di" bpmnElement="{n.id}"{extra}>'
              f'<dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{ww:.0f}" height="{hh:.0f}" /></bpmndi:BPMNShape>')
        for f in self.flows:
            pts = self.route(f)
            wps = ''.join(f'<di:waypoint x="{px:.0f}" y="{py:.0f}" />' for px, py in pts)
            w(f'      <bpmndi:BPMNEdge id="{f["id"]}_di" bpmnElement="{f["id"]}">{wps}</bpmndi:BPMNEdge>')
        w('    </bpmndi:BPMNPlane>')
        w('  </bpmndi:BPMNDiagram>')
        w('</bpmn:definitions>')
        return '\n'.join(out) + '\n'

    def _indent_scope(self, f):
        return ''

    def _emit_scope(self, scope, w, ind):
        for n in self.order:
            if n.scope != scope:
                continue
            self._emit_node(n, w, ind)
        if True:
            for f in self.flows:
                if self.nodes[f['src']].scope == scope:
                    self._emit_flow(f, w, ind)

    def _emit_flow(self, f, w, ind):
        attrs = f'id={q(f["id"])} sourceRef={q(f["src"])} targetRef={q(f["tgt"])}'
        if f['name']:
            attrs += f' name={q(f["name"])}'
        if f['cond']:
            w(f'{ind}<bpmn:sequenceFlow {attrs}>'
              f'<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(f["cond"])}'
              f'</bpmn:conditionExpression></bpmn:sequenceFlow>')
        else:
            w(f'{ind}<bpmn:sequenceFlow {attrs} />')

    def _io(self, n):
        ins = n.kw.get('inputs') or []
        outs = n.kw.get('outputs') or []
        if not ins and not outs:
            return ''
        s = '<zeebe:ioMapping>'
        for src, tgt in ins:
            s += f'<zeebe:input source={q(src)} target={q(tgt)} />'
        for src, tgt in outs:
            s += f'<zeebe:output source={q(src)} target={q(tgt)} />'
        return s + '</zeebe:ioMapping>'

    def _mi(self, n, ind):
        mi = n.kw.get('mi')
        if not mi:
            return ''
        seq = ' isSequential="true"' if mi.get('sequential') else ''
        attrs = f'inputCollection={q(mi["collection"])} inputElement={q(mi["element"])}'
        if mi.get('outputCollection'):
            attrs += f' outputCollection={q(mi["outputCollection"])} outputElement={q(mi["outputElement"])}'
        s = f'{ind}  <bpmn:multiInstanceLoopCharacteristics{seq}><bpmn:extensionElements>' \
            f'<zeebe:loopCharacteristics {attrs} /></bpmn:extensionElements>'
        if mi.get('completion'):
            s += f'<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">{escape(mi["completion"])}' \
                 f'</bpmn:completionCondition>'
        s += '</bpmn:multiInstanceLoopCharacteristics>'
        return s

    def _timer(self, t):
        kind, expr = t
        tag = {'duration': 'timeDuration', 'date': 'timeDate', 'cycle': 'timeCycle'}[kind]
        return f'<bpmn:timerEventDefinition><bpmn:{tag} xsi:type="bpmn:tFormalExpression">{escape(expr)}' \
               f'</bpmn:{tag}></bpmn:timerEventDefinition>'

    def _emit_node(self, n, w, ind):
        k = n.kind
        attrs = f'id={q(n.id)} name={q(n.name)}'
        flows = ''.join(f'<bpmn:incoming>{i}</bpmn:incoming>' for i in n.incoming) + \
            ''.join(f'<bpmn:outgoing>{o}</bpmn:outgoing>' for o in n.outgoing)
        kw = n.kw
        if k in ('serviceTask', 'sendTask'):
            hdr = ''
            if kw['headers']:
                hdr = '<zeebe:taskHeaders>' + ''.join(
                    f'<zeebe:header key={q(a)} value={q(b)} />' for a, b in kw['headers'].items()) + \
                    '</zeebe:taskHeaders>'
            w(f'{ind}<bpmn:{k} {attrs}>')
            w(f'{ind}  <bpmn:extensionElements><zeebe:taskDefinition type={q(kw["type"])} retries="3" />'
              f'{hdr}{self._io(n)}</bpmn:extensionElements>')
            w(f'{ind}  {flows}')
            w(f'{ind}</bpmn:{k}>')
        elif k == 'userTask':
            groups = kw['groups']
            listeners = ''.join(
                f'<zeebe:taskListener eventType="{e}" type="knooppunt.taak.{e}" retries="3" />'
                for e in LISTENER_EVENTS)
            w(f'{ind}<bpmn:userTask {attrs}>')
            w(f'{ind}  <bpmn:extensionElements>')
            w(f'{ind}    <zeebe:userTask />')
            w(f'{ind}    <zeebe:formDefinition externalReference="knooppunt:forms:{kw["form"]}" />')
            w(f'{ind}    <zeebe:assignmentDefinition candidateGroups={q(groups)} />')
            w(f'{ind}    <zeebe:taskSchedule dueDate={q("=now() + duration(" + chr(34) + kw["sla"] + chr(34) + ")")} />')
            w(f'{ind}    <zeebe:taskListeners>{listeners}</zeebe:taskListeners>')
            io = self._io(n)
            if io:
                w(f'{ind}    {io}')
            w(f'{ind}  </bpmn:extensionElements>')
            w(f'{ind}  {flows}')
            mi = self._mi(n, ind)
            if mi:
                w(mi)
            w(f'{ind}</bpmn:userTask>')
        elif k == 'callActivity':
            w(f'{ind}<bpmn:callActivity {attrs}>')
            w(f'{ind}  <bpmn:extensionElements><zeebe:calledElement processId={q(kw["process"])} '
              f'propagateAllChildVariables="false" propagateAllParentVariables="false" />{self._io(n)}'
              f'</bpmn:extensionElements>')
            w(f'{ind}  {flows}')
            mi = self._mi(n, ind)
            if mi:
                w(mi)
            w(f'{ind}</bpmn:callActivity>')
        elif k == 'subProcess':
            w(f'{ind}<bpmn:subProcess {attrs}>')
            io = self._io(n)
            if io:
                w(f'{ind}  <bpmn:extensionElements>{io}</bpmn:extensionElements>')
            w(f'{ind}  {flows}')
            mi = self._mi(n, ind)
            if mi:
                w(mi)
            self._emit_scope(n.id, w, ind + '  ')
            w(f'{ind}</bpmn:subProcess>')
        elif k.endswith('Gateway'):
            d = ''
            for f in self.flows:
                if f['src'] == n.id and f['default']:
                    d = f' default={q(f["id"])}'
            w(f'{ind}<bpmn:{k} {attrs}{d}>{flows}</bpmn:{k}>')
        elif k == 'startEvent':
            body = ''
            if kw.get('message'):
                body = f'<bpmn:messageEventDefinition messageRef={q(self.message(kw["message"]))} />'
            if kw.get('timer'):
                body = self._timer(kw['timer'])
            ext = ''
            if kw.get('outputs'):
                ext = f'<bpmn:extensionElements>{self._io(n)}</bpmn:extensionElements>'
            w(f'{ind}<bpmn:startEvent {attrs}>{ext}{flows}{body}</bpmn:startEvent>')
        elif k == 'endEvent':
            body = ''
            if kw.get('error'):
                body = f'<bpmn:errorEventDefinition errorRef={q(self.error(*kw["error"]))} />'
            if kw.get('terminate'):
                body = '<bpmn:terminateEventDefinition />'
            w(f'{ind}<bpmn:endEvent {attrs}>{flows}{body}</bpmn:endEvent>')
        elif k == 'intermediateCatchEvent':
            ext = ''
            if kw.get('outputs') or kw.get('inputs'):
                ext = f'<bpmn:extensionElements>{self._io(n)}</bpmn:extensionElements>'
            if kw.get('message'):
                body = f'<bpmn:messageEventDefinition messageRef={q(self.message(kw["message"], kw["corr"]))} />'
            else:
                body = self._timer(kw['timer'])
            w(f'{ind}<bpmn:intermediateCatchEvent {attrs}>{ext}{flows}{body}</bpmn:intermediateCatchEvent>')
        elif k == 'intermediateThrowEvent':
            hdr = ''
            if kw['headers']:
                hdr = '<zeebe:taskHeaders>' + ''.join(
                    f'<zeebe:header key={q(a)} value={q(b)} />' for a, b in kw['headers'].items()) + \
                    '</zeebe:taskHeaders>'
            w(f'{ind}<bpmn:intermediateThrowEvent {attrs}>')
            w(f'{ind}  <bpmn:extensionElements><zeebe:taskDefinition type={q(kw["type"])} retries="3" />'
              f'{hdr}{self._io(n)}</bpmn:extensionElements>')
            w(f'{ind}  {flows}<bpmn:messageEventDefinition />')
            w(f'{ind}</bpmn:intermediateThrowEvent>')
        elif k == 'boundaryEvent':
            cancel = '' if kw['interrupting'] else ' cancelActivity="false"'
            ext = ''
            if kw.get('outputs'):
                ext = f'<bpmn:extensionElements>{self._io(n)}</bpmn:extensionElements>'
            if kw.get('timer'):
                body = self._timer(kw['timer'])
            elif kw.get('message'):
                body = f'<bpmn:messageEventDefinition messageRef={q(self.message(kw["message"], kw["corr"]))} />'
            else:
                body = f'<bpmn:errorEventDefinition errorRef={q(self.error(*kw["error"]))} />'
            w(f'{ind}<bpmn:boundaryEvent {attrs} attachedToRef={q(kw["host"])}{cancel}>{ext}{flows}{body}'
              f'</bpmn:boundaryEvent>')
        else:
            raise ValueError(k)
