META
key;value
description;equalshares.net motivating example: 51 voters approve the ten red projects, 49 the ten blue ones
country;none
unit;example
num_projects;20
num_votes;100
budget;1000
vote_type;approval
rule;equalshares/add1
PROJECTS
project_id;cost;name
red0;100;Red project 0
red1;100;Red project 1
red2;100;Red project 2
red3;100;Red project 3
red4;100;Red project 4
red5;100;Red project 5
red6;100;Red project 6
red7;100;Red project 7
red8;100;Red project 8
red9;100;Red project 9
blue0;100;Blue project 0
blue1;100;Blue project 1
blue2;100;Blue project 2
blue3;100;Blue project 3
blue4;100;Blue project 4
blue5;100;Blue project 5
blue6;100;Blue project 6
blue7;100;Blue project 7
blue8;100;Blue project 8
blue9;100;Blue project 9
VOTES
voter_id;vote
1;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
2;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
3;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
4;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
5;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
6;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
7;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
8;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
9;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
10;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
11;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
12;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
13;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
14;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
15;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
16;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
17;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
18;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
19;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
20;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
21;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
22;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
23;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
24;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
25;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
26;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
27;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
28;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
29;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
30;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
31;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
32;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
33;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
34;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
35;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
36;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
37;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
38;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
39;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
40;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
41;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
42;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
43;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
44;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
45;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
46;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
47;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
48;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
49;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
50;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
51;red0,red1,red2,red3,red4,red5,red6,red7,red8,red9
52;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
53;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
54;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
55;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
56;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
57;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
58;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
59;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
60;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
61;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
62;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
63;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
64;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
65;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
66;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
67;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
68;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
69;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
70;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
71;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
72;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
73;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
74;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
75;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
76;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
77;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
78;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
79;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
80;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
81;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
82;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
83;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
84;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
85;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
86;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
87;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
88;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
89;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
90;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
91;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
92;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
93;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
94;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
95;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
96;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
97;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
98;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
99;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
100;blue0,blue1,blue2,blue3,blue4,blue5,blue6,blue7,blue8,blue9
