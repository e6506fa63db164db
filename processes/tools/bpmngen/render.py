import sys, zlib, struct, xml.etree.ElementTree as ET
NS={'bpmndi':'http://www.omg.org/spec/BPMN/20100524/DI','dc':'http://www.omg.org/spec/DD/20100524/DC','di':'http://www.omg.org/spec/DD/20100524/DI'}
f, out, scale = sys.argv[1], sys.argv[2], float(sys.argv[3])
r=ET.parse(f).getroot()
kinds={e.get('id'):e.tag.split('}')[1] for e in r.iter() if e.get('id')}
shapes=[]; edges=[]
for s in r.iter('{%s}BPMNShape'%NS['bpmndi']):
    b=s.find('dc:Bounds',NS); shapes.append((s.get('bpmnElement'),*[float(b.get(k))*scale for k in ('x','y','width','height')]))
for e in r.iter('{%s}BPMNEdge'%NS['bpmndi']):
    edges.append([(float(w.get('x'))*scale,float(w.get('y'))*scale) for w in e.findall('di:waypoint',NS)])
W=int(max(x+w for _,x,y,w,h in shapes)+20); H=int(max(y+h for _,x,y,w,h in shapes)+40)
img=[[255]*W*3 for _ in range(H)]
def px(x,y,c):
    x=int(x);y=int(y)
    if 0<=x<W and 0<=y<H: img[y][3*x:3*x+3]=c
def line(x1,y1,x2,y2,c):
    n=int(max(abs(x2-x1),abs(y2-y1)))+1
    for i in range(n+1):
        t=i/max(n,1); px(x1+(x2-x1)*t,y1+(y2-y1)*t,c)
def rect(x,y,w,h,c):
    line(x,y,x+w,y,c);line(x+w,y,x+w,y+h,c);line(x+w,y+h,x,y+h,c);line(x,y+h,x,y,c)
import math
for sid,x,y,w,h in shapes:
    k=kinds.get(sid,'')
    if k=='subProcess': rect(x,y,w,h,[0,0,200])
    elif 'Gateway' in k:
        cx,cy=x+w/2,y+h/2; line(cx,y,x+w,cy,[200,120,0]);line(x+w,cy,cx,y+h,[200,120,0]);line(cx,y+h,x,cy,[200,120,0]);line(x,cy,cx,y,[200,120,0])
    elif 'Event' in k:
        cx,cy,rr=x+w/2,y+h/2,w/2
        col=[0,150,0] if k=='startEvent' else [200,0,0] if k=='endEvent' else [150,0,150]
        for a in range(0,360,4): px(cx+rr*math.cos(math.radians(a)),cy+rr*math.sin(math.radians(a)),col)
    else: rect(x,y,w,h,[0,0,0])
for pts in edges:
    for (x1,y1),(x2,y2) in zip(pts,pts[1:]): line(x1,y1,x2,y2,[120,120,120])
raw=b''.join(b'\x00'+bytes(row) for row in img)
def chunk(t,d): return struct.pack('>I',len(d))+t+d+struct.pack('>I',zlib.crc32(t+d)&0xffffffff)
open(out,'wb').write(b'\x89PNG\r\n\x1a\n'+chunk(b'IHDR',struct.pack('>IIBBBBB',W,H,8,2,0,0,0))+chunk(b'IDAT',zlib.compress(raw,9))+chunk(b'IEND',b''))
print(W,H)
