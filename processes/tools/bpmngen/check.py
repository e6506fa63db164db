import sys, xml.etree.ElementTree as ET
NS={'bpmn':'http://www.omg.org/spec/BPMN/20100524/MODEL','bpmndi':'http://www.omg.org/spec/BPMN/20100524/DI','dc':'http://www.omg.org/spec/DD/20100524/DC','di':'http://www.omg.org/spec/DD/20100524/DI'}
for f in sys.argv[1:]:
    t=ET.parse(f); r=t.getroot()
    kinds={}; flows={}; attached={}
    for e in r.iter():
        if e.get('id'):
            kinds[e.get('id')]=e.tag.split('}')[1]
        if e.tag.endswith('sequenceFlow'):
            flows[e.get('id')]=(e.get('sourceRef'),e.get('targetRef'))
        if e.tag.endswith('boundaryEvent'):
            attached[e.get('id')]=e.get('attachedToRef')
    shapes={}
    for s in r.iter('{%s}BPMNShape'%NS['bpmndi']):
        b=s.find('dc:Bounds',NS); shapes[s.get('bpmnElement')]=tuple(float(b.get(k)) for k in 'x y width height'.split())
    probs=[]
    for ed in r.iter('{%s}BPMNEdge'%NS['bpmndi']):
        fid=ed.get('bpmnElement'); src,tgt=flows[fid]
        pts=[(float(w.get('x')),float(w.get('y'))) for w in ed.findall('di:waypoint',NS)]
        for (x1,y1),(x2,y2) in zip(pts,pts[1:]):
            if x1!=x2 and y1!=y2: probs.append(('diagonal',fid))
            for sid,(x,y,w,h) in shapes.items():
                if sid in (src,tgt) or kinds.get(sid)=='subProcess': continue
                if attached.get(src)==sid or attached.get(sid)==src: continue
                # segment bbox vs shape (shrink by 2)
                sx1,sx2=sorted((x1,x2)); sy1,sy2=sorted((y1,y2))
                if sx1 < x+w-2 and sx2 > x+2 and sy1 < y+h-2 and sy2 > y+2:
                    probs.append((fid,'crosses',sid))
    print(f, len(probs)); [print('  ',p) for p in probs]
