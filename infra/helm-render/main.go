// helm-render renders a Helm chart without helm: the subset of Helm's template engine that the
// CctvMask chart uses (Go text/template + sprig, include, tpl, required, toYaml, fromYaml, lookup,
// .Values / .Release / .Chart / .Template, templates named _* only define; values checked against
// values.schema.json with gojsonschema like Helm does). Output: the manifests
// as multi-document YAML on stdout, in Helm's install order; errors on stderr with exit code 1.
//
// Build offline with Debian's Go 1.19 and sprig (apt: golang-go golang-github-masterminds-sprig-dev
// golang-gopkg-yaml.v3-dev golang-github-xeipuuv-gojsonschema-dev), in GOPATH mode:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o helm-render ./infra/helm-render
//
// Usage: helm-render [-f override.yaml]... [-name RELEASE] [-namespace NS] [-notes] CHART_DIR
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
	"gopkg.in/yaml.v3"
)

// Helm's own include depth guard: a template that includes itself fails instead of recursing forever.
const maxIncludeDepth = 1000

// Kinds in the order Helm installs them; unknown kinds go last (sorted by file name, like Helm).
var installOrder = []string{
	"Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy", "PodDisruptionBudget",
	"ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass", "PersistentVolume",
	"PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
	"ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
	"Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
	"HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
}

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

type manifest struct {
	source string
	kind   string
	body   string
}

func main() {
	var valueFiles stringList
	flag.Var(&valueFiles, "f", "values file merged over the chart's values.yaml (repeatable, later wins)")
	release := flag.String("name", "cctvmask", "release name")
	namespace := flag.String("namespace", "default", "release namespace")
	notes := flag.Bool("notes", false, "print the rendered NOTES.txt instead of the manifests")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: helm-render [-f values.yaml]... [-name RELEASE] [-namespace NS] [-notes] CHART_DIR")
		os.Exit(2)
	}
	out, err := render(flag.Arg(0), valueFiles, *release, *namespace, *notes)
	if err != nil {
		fmt.Fprintln(os.Stderr, "Error:", err)
		os.Exit(1)
	}
	fmt.Print(out)
}

func render(chartDir string, valueFiles []string, release, namespace string, notesOnly bool) (string, error) {
	chart, err := readYamlMap(filepath.Join(chartDir, "Chart.yaml"))
	if err != nil {
		return "", err
	}
	chartName, _ := chart["name"].(string)
	if chartName == "" {
		return "", errors.New("Chart.yaml: name is required")
	}
	values := map[string]interface{}{}
	if _, statErr := os.Stat(filepath.Join(chartDir, "values.yaml")); statErr == nil {
		if values, err = readYamlMap(filepath.Join(chartDir, "values.yaml")); err != nil {
			return "", err
		}
	}
	for _, f := range valueFiles {
		override, err := readYamlMap(f)
		if err != nil {
			return "", err
		}
		values = merge(values, override)
	}
	if err := validateValues(chartDir, chartName, values); err != nil {
		return "", err
	}

	root := template.New("root")
	var includeDepth int
	funcs := sprig.TxtFuncMap()
	// Helm removes these two: a chart must not read the renderer's environment.
	delete(funcs, "env")
	delete(funcs, "expandenv")
	funcs["toYaml"] = toYaml
	funcs["fromYaml"] = fromYaml
	funcs["required"] = required
	// Like `helm template`: no cluster, so lookup finds nothing.
	funcs["lookup"] = func(apiVersion, kind, namespace, name string) (map[string]interface{}, error) {
		return map[string]interface{}{}, nil
	}
	funcs["include"] = func(name string, data interface{}) (string, error) {
		includeDepth++
		defer func() { includeDepth-- }()
		if includeDepth > maxIncludeDepth {
			return "", fmt.Errorf("include %q: rendering depth exceeded %d", name, maxIncludeDepth)
		}
		var buf bytes.Buffer
		if err := root.ExecuteTemplate(&buf, name, data); err != nil {
			return "", err
		}
		return buf.String(), nil
	}
	funcs["tpl"] = func(text string, data interface{}) (string, error) {
		clone, err := root.Clone()
		if err != nil {
			return "", err
		}
		t, err := clone.New("tpl").Parse(text)
		if err != nil {
			return "", fmt.Errorf("tpl: %w", err)
		}
		var buf bytes.Buffer
		if err := t.Execute(&buf, data); err != nil {
			return "", fmt.Errorf("tpl: %w", err)
		}
		return strings.ReplaceAll(buf.String(), "<no value>", ""), nil
	}
	root.Funcs(funcs).Option("missingkey=zero")

	templatesDir := filepath.Join(chartDir, "templates")
	var names []string
	err = filepath.WalkDir(templatesDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(templatesDir, path)
		text, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		name := chartName + "/templates/" + filepath.ToSlash(rel)
		if _, err := root.New(name).Parse(string(text)); err != nil {
			return err
		}
		names = append(names, name)
		return nil
	})
	if err != nil {
		return "", err
	}
	sort.Strings(names)

	top := map[string]interface{}{
		"Values": values,
		"Release": map[string]interface{}{
			"Name": release, "Namespace": namespace, "Service": "Helm",
			"IsInstall": true, "IsUpgrade": false, "Revision": 1,
		},
		"Chart": map[string]interface{}{
			"Name": chartName, "Version": chart["version"], "AppVersion": chart["appVersion"],
			"Description": chart["description"], "Type": chart["type"],
		},
		"Capabilities": map[string]interface{}{},
	}

	var manifests []manifest
	for _, name := range names {
		base := filepath.Base(name)
		isNotes := base == "NOTES.txt"
		// Partials (_*.tpl) only define; NOTES.txt is not a manifest.
		if strings.HasPrefix(base, "_") || isNotes != notesOnly {
			continue
		}
		if !isNotes && !strings.HasSuffix(base, ".yaml") && !strings.HasSuffix(base, ".yml") {
			continue
		}
		data := map[string]interface{}{}
		for k, v := range top {
			data[k] = v
		}
		data["Template"] = map[string]interface{}{"Name": name, "BasePath": chartName + "/templates"}
		var buf bytes.Buffer
		if err := root.ExecuteTemplate(&buf, name, data); err != nil {
			return "", err
		}
		text := strings.ReplaceAll(buf.String(), "<no value>", "")
		if isNotes {
			return text, nil
		}
		for _, doc := range splitDocuments(text) {
			manifests = append(manifests, manifest{source: name, kind: kindOf(doc), body: doc})
		}
	}
	if notesOnly {
		return "", errors.New("the chart has no templates/NOTES.txt")
	}
	sort.SliceStable(manifests, func(i, j int) bool { return rank(manifests[i].kind) < rank(manifests[j].kind) })

	var out strings.Builder
	for _, m := range manifests {
		fmt.Fprintf(&out, "---\n# Source: %s\n%s\n", m.source, m.body)
	}
	return out.String(), nil
}

// splitDocuments cuts rendered text at "---" lines and drops documents that are only whitespace.
func splitDocuments(text string) []string {
	var docs []string
	var current []string
	flush := func() {
		doc := strings.TrimSpace(strings.Join(current, "\n"))
		if doc != "" {
			docs = append(docs, doc)
		}
		current = current[:0]
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimRight(line, " \t") == "---" {
			flush()
			continue
		}
		current = append(current, line)
	}
	flush()
	return docs
}

func kindOf(doc string) string {
	var head struct {
		Kind string `yaml:"kind"`
	}
	_ = yaml.Unmarshal([]byte(doc), &head)
	return head.Kind
}

func rank(kind string) int {
	for i, k := range installOrder {
		if k == kind {
			return i
		}
	}
	return len(installOrder)
}
